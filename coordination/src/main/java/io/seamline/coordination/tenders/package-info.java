/** Carriers' answers to our load tenders (990): booked, or a person decides. */
package io.seamline.coordination.tenders;
