/**
 * Partner files whose layout varies by partner (CSV commitment sheets, fixed-width carrier status files, broker
 * XML), read by a Smooks configuration per partner into records and turned into canonical events. Onboarding such
 * a partner is writing a configuration, not code. Smooks stays off the EDI hot path (ADR 0003).
 */
package io.seamline.mappings.partnerfiles;
