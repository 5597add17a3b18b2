/**
 * Documents we send partners, in canonical form before any format: an order, an order change, a load tender, an
 * application advice. The EDI engine renders them as X12 or EDIFACT; other channels render them their own way.
 */
package io.seamline.model.outbound;
