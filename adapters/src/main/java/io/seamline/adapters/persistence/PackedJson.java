package io.seamline.adapters.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * JSON the gateway writes compressed instead of as {@code jsonb}, where no SQL reads into it: raw deflate with a
 * dictionary of its own words (keys, kinds, rule names, event types, the rationales our rules write — our vocabulary,
 * no partner's values), behind a version byte. PostgreSQL would parse it and compress it with pglz (the only method its
 * embedded binaries have) to about twice the size, and only once a row passed 2 KB. A dictionary never changes once
 * rows are packed with it: a better one is a new version, and the old one stays to read the rows packed with it.
 *
 * <p>{@link #TIMELINE}: the entries folded into a timeline row ({@code folded_packed}, V30): the decisions of a 15-line
 * acknowledgement, 15 KB of JSON, take ~1.3 KB (2.6 KB with pglz). {@link #EVENTS}: an event's data ({@code
 * data_packed}, V31).
 */
final class PackedJson {

    /** The version byte every packed value starts with (each codec's dictionaries are versioned on their own). */
    private static final byte V1 = 1;

    /**
     * The timeline's dictionary, version 1. Deflate finds a string best near the end, so the words most entries carry
     * come last.
     */
    private static final String TIMELINE_V1 = String.join(
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
            "\",\"eventId\":\"\"},\"visible\":true,\"after\":");

    static final PackedJson TIMELINE = new PackedJson("folded timeline entries", TIMELINE_V1);

    /**
     * The events' dictionary, version 1: the canonical events' fields in the order they are written (DESIGN's
     * contracts), the commonest last.
     */
    private static final String EVENTS_V1 = String.join(
            "",
            "{\"documentType\":\"POD\",\"fileName\":\"mediaType\":\"application/pdf\",\"references\":",
            "{\"entryNumber\":\"references\":\"status\":\"FILED\",\"HOLD\",\"RELEASED\",\"reason\":",
            "\"documentsRequested\":[\"{\"bookingNumber\":\"decision\":\"CONFIRMED\",\"vessel\":\"voyage\":",
            "\"portOfLoading\":\"portOfDischarge\":\"etd\":\"eta\":\"containers\":[",
            "{\"standard\":\"X12\",\"functionalId\":\"ackedGroupControlNumber\":\"",
            "\"ackedInterchangeControlNumber\":\"\",\"status\":\"ACCEPTED\",\"sets\":[{\"setId\":\"",
            "\"controlNumber\":\"\",\"status\":\"ACCEPTED\",\"errors\":[]}]}",
            "{\"poNumber\":\"\",\"lines\":[{\"lineNumber\":\"1\",\"quantity\":\"promisedDate\":\"20",
            "\"reasonCode\":\"\"}],\"note\":\"",
            "\"charges\":[{\"code\":\"FREIGHT\",\"FUEL_SURCHARGE\",\"ACCESSORIAL\",\"partnerCode\":\"",
            "\"amount\":}],\"purpose\":\"INVOICE\"}",
            "{\"invoiceNumber\":\"\",\"kind\":\"GOODS\",\"FREIGHT\",\"invoiceDate\":\"20\",",
            "\"currency\":\"USD\",\"EUR\",\"total\":\"poNumbers\":[\"\"],\"carrierScac\":\"\",",
            "\"references\":{\"bol\":\"\",\"pro\":\"\",\"shipmentId\":\"\"},\"lines\":[",
            "{\"lineNumber\":\"1\",\"poNumber\":\"\",\"poLine\":\"1\",\"itemId\":\"\",\"quantity\":",
            ",\"unitPrice\":,\"amount\":,\"partnerItemId\":\"\",\"itemIds\":[{\"qualifier\":\"VP\",",
            "\"BP\",\"value\":\"\"}]},",
            "{\"shipmentId\":\"\",\"shipDate\":\"20\",\"estimatedDelivery\":\"20\",",
            "\"carrierScac\":\"\",\"references\":{\"bol\":\"\",\"pro\":\"\",\"container\":\"\",",
            "\"awb\":\"\",\"booking\":\"\"},\"lines\":[{\"poNumber\":\"\",\"lineNumber\":\"1\",",
            "\"itemId\":\"\",\"quantity\":,\"unit\":\"EA\"},",
            "{\"poNumber\":\"\",\"ackType\":\"ACCEPTED_WITH_CHANGES\",\"REJECTED\",\"partnerOrderRef\":",
            "\"note\":\"\",\"lines\":[{\"lineNumber\":\"1\",\"status\":\"CHANGED\",\"BACKORDERED\",",
            "\"REJECTED\",\"ACCEPTED\",\"quantity\":,\"unit\":\"EA\",\"promisedDate\":\"20\",",
            "\"unitPrice\":,\"itemId\":\"\",\"partnerItemId\":\"\",\"statusCode\":\"IA\"},",
            "{\"references\":{\"pro\":\"\",\"bol\":\"\",\"shipmentId\":\"\",\"container\":\"\",",
            "\"poNumbers\":[\"\"],\"booking\":\"\"},\"carrierScac\":\"\",\"status\":\"PICKED_UP\",",
            "\"ARRIVED\",\"DELIVERED\",\"ETA_UPDATED\",\"DELAYED\",\"EXCEPTION\",\"IN_TRANSIT\",",
            "\"partnerStatusCode\":\"\",\"reasonCode\":\"NS\",\"eventTime\":\"20\",",
            "\"estimatedDelivery\":\"20\",\"location\":{\"city\":\"\",\"region\":\"\",",
            "\"country\":\"US\",\"unlocode\":\"\"},\"milestone\":\"DEPARTED\",\"vessel\":\"\"}");

    static final PackedJson EVENTS = new PackedJson("event data", EVENTS_V1);

    private final String what;
    private final byte[] dictionary;

    private PackedJson(String what, String dictionary) {
        this.what = what;
        this.dictionary = dictionary.getBytes(StandardCharsets.UTF_8);
    }

    /** The dictionary this codec packs with (version 1), for a test to pin: it never changes. */
    byte[] dictionary() {
        return dictionary.clone();
    }

    /** The JSON as a row keeps it. */
    byte[] pack(String json) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setDictionary(dictionary);
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

    /** The JSON from what a row keeps. */
    String unpack(byte[] packed) {
        if (packed.length == 0 || packed[0] != V1) {
            throw new IllegalStateException(what + " packed with an unknown version "
                    + (packed.length == 0 ? "(empty)" : String.valueOf(packed[0])));
        }
        var inflater = new Inflater(true);
        try {
            inflater.setDictionary(dictionary);
            inflater.setInput(packed, 1, packed.length - 1);
            var out = new ByteArrayOutputStream(packed.length * 6);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException(what + " cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException(what + " unreadable: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
