/**
 * Seamline's domain: canonical events (contract v1 of DESIGN.md), identifiers, values and the aggregates that
 * partners' messages change. Plain Java only: this module knows neither Spring nor Camel nor any wire format.
 */
package io.seamline.model;
