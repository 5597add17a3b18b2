/**
 * Canonical events, contract v1 (DESIGN.md): what every partner channel is normalized into. The envelope follows
 * CloudEvents 1.0 ({@link io.seamline.model.event.CanonicalEvent}); each data record is one {@code type}.
 * Amounts and quantities are {@link java.math.BigDecimal}; line numbers are strings; local times stay local.
 */
package io.seamline.model.event;
