/** Canonical events as CloudEvents 1.0 JSON (structured mode), the form they are stored and published in. */
package io.seamline.mappings.cloudevents;
