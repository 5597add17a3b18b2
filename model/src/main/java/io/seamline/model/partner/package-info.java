/**
 * Trading partners: who they are (identifiers in every scheme a message may name them by), what they do (role),
 * how we answer them (channel profiles) and the SLA and policy overrides agreed with them.
 */
package io.seamline.model.partner;
