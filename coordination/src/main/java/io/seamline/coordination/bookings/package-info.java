/**
 * A forwarder's answer to our booking (301, IFTMBC, the API): confirmed as asked, the shipment is BOOKED with its
 * booking number and containers; declined, or changed beyond the agreed tolerance (ETD or ETA moved, another port), a
 * person decides (BOOKING_CHANGE). Either way the confirmation is no longer owed.
 */
package io.seamline.coordination.bookings;
