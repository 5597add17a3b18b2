package io.seamline.adapters.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The entries folded into a timeline row as the row keeps them ({@code folded_packed}, V30): their JSON, raw-deflated
 * with a dictionary of the entries' own words (keys, kinds, rule names, event types, the rationales our rules write),
 * behind a version byte. PostgreSQL's pglz took the decisions of a 15-line acknowledgement (15 KB of JSON) to 2.6 KB;
 * this takes them to ~1.3 KB, and PostgreSQL neither parses nor compresses them. A dictionary never changes once
 * rows are packed with it: a better one is a new version, and the old one stays to read the rows packed with it.
 */
final class FoldedEntries {

    private static final byte V1 = 1;

    /**
     * Version 1's dictionary. Deflate finds a string best near the end, so the words most entries carry come last.
     * Only our own vocabulary: no partner's values.
     */
    private static final byte[] DICTIONARY_V1 = String.join(
                    "",
                    "\"configuration\":\"version\":\"tolerance\":\"toleranceAmount\":\"toleranceFrom\":",
                    "\"difference\":\"expected\":\"actual\":\"estimatedDelivery\":\"invoiceNumber\":",
                    "\"interchangeControl\":\"documentType\":\"documentId\":\"channel\":\"SFTP\",\"partnerId\":",
                    "\"status\":\"messageId\":\"inside the agreed tolerances\",\"APPROVED\",",
                    "{\"kind\":\"ERP_WRITEBACK\",\"summary\":\"Queued for the ERP: commitment.applied",
                    "shipment.advised shipment.delivered invoice.approved\",\"actor\":\"system\",",
                    "{\"kind\":\"RESPONSE\",\"summary\":\"997 for interchange ",
                    "\"receipt.advice\",\"customs.hold\",\"invoice.freight\",\"invoice.freight-accessorial\",",
                    "\"commitment.rejection\",\"shipment.delay\",\"invoice.goods-three-way\",\"inputs\":{\"lines\":",
                    "[{\"poLine\":\"1\",\"poPrice\":\"poNumber\":\"expectedAmount\":\"invoicedAmount\":",
                    "\"invoicedQuantity\":\"invoiceableQuantity\":",
                    "\"asn.quantity\",\"about\":\"\",\"inputs\":{\"poNumber\":\"\",\"lineNumber\":\"",
                    "\",\"shippedNow\":\"shippedBefore\":0,\"orderedQuantity\":\"overShipPercent\":0,",
                    "\"overShipPercentFrom\":\"built-in\"},\"outcome\":\"APPLY\",\"rationale\":\"PO ",
                    " shipped of  ordered\",\"ruleVersion\":1}",
                    "{\"kind\":\"EVENT\",\"summary\":\"Shipment status IN_TRANSIT (X6) at \",\"actor\":\"partner:",
                    "\",\"details\":{\"type\":\"io.seamline.shipment.status.v1\",\"eventId\":\"",
                    "io.seamline.invoice.received.v1 io.seamline.shipment.notice.v1 io.seamline.po.acknowledged.v1",
                    "{\"kind\":\"CORRELATION\",\"summary\":\"Matched to shipment/\",\"actor\":\"system\",",
                    "\"details\":{\"poNumbers\":[\"\"],\"shipmentId\":\"\"},\"visible\":false,\"after\":",
                    "{\"kind\":\"CORRELATION\",\"summary\":\"Matched to po/, lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\",",
                    "\"actor\":\"system\",\"details\":{\"lines\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",",
                    "\"10\"],\"poNumbers\":[\"\"]},\"visible\":false,\"after\":",
                    "{\"kind\":\"DECISION\",\"summary\":\"commitment.date-slip, commitment.quantity, ",
                    "commitment.price: APPLY\",\"actor\":\"system\",\"details\":{\"rule\":\"commitment.date-slip, ",
                    "commitment.quantity, commitment.price\",\"inputs\":{\"about\":[\"line 1\",\"line 2\"]},",
                    "\"outcome\":\"APPLY\",\"decisions\":[",
                    "{\"rule\":\"commitment.price\",\"about\":\"line \",\"inputs\":{\"itemId\":\"\",\"lineNumber\":\"",
                    "\",\"orderPrice\":\"confirmedPrice\":\"tolerancePercent\":0,\"tolerancePercentFrom\":",
                    "\"built-in\"},\"outcome\":\"APPLY\",\"rationale\":\"the PO price is confirmed\",",
                    "\"ruleVersion\":1},",
                    "{\"rule\":\"commitment.quantity\",\"about\":\"line \",\"inputs\":{\"itemId\":\"\",",
                    "\"lineNumber\":\"\",\"lineStatus\":\"ACCEPTED\",\"orderedQuantity\":\"promisedQuantity\":",
                    "},\"outcome\":\"APPLY\",\"rationale\":\"the ordered quantity is confirmed\",\"ruleVersion\":1},",
                    "{\"rule\":\"commitment.date-slip\",\"about\":\"line \",\"inputs\":{\"itemId\":\"\",",
                    "\"slipDays\":0,\"lineNumber\":\"\",\"needByDate\":\"\",\"maxSlipDays\":\"promisedDate\":\"\",",
                    "\"maxSlipDaysFrom\":\"partner\"},\"outcome\":\"APPLY\",\"rationale\":",
                    "\"promised on the need-by date\",\"ruleVersion\":1}]},\"visible\":false,\"after\":",
                    "{\"kind\":\"EVENT\",\"summary\":\"\",\"actor\":\"partner:\",\"details\":{\"type\":\"io.seamline.",
                    "\",\"eventId\":\"\"},\"visible\":true,\"after\":")
            .getBytes(StandardCharsets.UTF_8);

    private FoldedEntries() {}

    /** The entries' JSON as a row keeps it. */
    static byte[] pack(String json) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY_V1);
            deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            var out = new ByteArrayOutputStream(json.length() / 4 + 16);
            out.write(V1);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The entries' JSON from what a row keeps. */
    static String unpack(byte[] packed) {
        if (packed.length == 0 || packed[0] != V1) {
            throw new IllegalStateException("folded timeline entries packed with an unknown version "
                    + (packed.length == 0 ? "(empty)" : String.valueOf(packed[0])));
        }
        var inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY_V1);
            inflater.setInput(packed, 1, packed.length - 1);
            var out = new ByteArrayOutputStream(packed.length * 6);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("folded timeline entries cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("folded timeline entries unreadable: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
