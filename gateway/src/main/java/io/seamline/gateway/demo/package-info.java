/**
 * The demo profile's partners, purchase orders and shipments, loaded through the same onboarding and ERP import
 * as real data. Clearly demo: the {@code demo} profile also turns on local demo users.
 */
package io.seamline.gateway.demo;
