package io.seamline.mappings.edi.outbound;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.outbound.EdiWriter.Composite;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.BookingRequested;
import io.seamline.model.outbound.DeductionRaised;
import io.seamline.model.outbound.LoadTendered;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.outbound.OrderPlaced;
import io.seamline.model.outbound.OutboundDocument;
import io.seamline.model.outbound.ReceiptAdvised;
import io.seamline.model.outbound.RemittanceAdvised;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Renders our outbound documents in the partner's standard: X12 850, 860, 204, 824 (one set in one group in one
 * interchange) or EDIFACT ORDERS, ORDCHG, APERAK (one message in one interchange). Control numbers come from the
 * partner's sequence.
 */
public final class OutboundRenderer {

    private OutboundRenderer() {}

    /**
     * @param version X12: the GS08 version ({@code 004010}, {@code 005010}); EDIFACT: the directory
     *     ({@code D:96A}, {@code D:01B})
     */
    /**
     * Whether a document can be written in a standard (there is no IFTMIN writer for EDIFACT load tenders; bookings
     * go as IFTMIN).
     */
    public static boolean writes(OutboundDocument document, Standard standard) {
        return !(standard == Standard.EDIFACT && document instanceof LoadTendered);
    }

    public static OutboundEdi render(
            OutboundDocument document,
            Standard standard,
            Parties parties,
            String version,
            ControlNumberSource numbers,
            LocalDateTime now) {
        return render(document, standard, parties, version, numbers, now, false);
    }

    /** As {@link #render(OutboundDocument, Standard, Parties, String, ControlNumberSource, LocalDateTime)}; a
     * {@code test} interchange says so (ISA15 = T, UNB 0035 = 1). */
    public static OutboundEdi render(
            OutboundDocument document,
            Standard standard,
            Parties parties,
            String version,
            ControlNumberSource numbers,
            LocalDateTime now,
            boolean test) {
        return standard == Standard.X12
                ? x12(document, parties, version == null ? "004010" : version, numbers, now, test)
                : edifact(document, parties, version == null ? "D:96A" : version, numbers, now, test);
    }

    private static OutboundEdi x12(
            OutboundDocument document,
            Parties parties,
            String version,
            ControlNumberSource numbers,
            LocalDateTime now,
            boolean test) {
        String isaVersion = version.substring(0, 5);
        long interchange = numbers.next(ControlNumberSource.INTERCHANGE);
        long group = numbers.next(ControlNumberSource.GROUP);
        String st02 = Envelopes.st02(numbers.next(ControlNumberSource.SET));
        EdiWriter w = EdiWriter.of(Standard.X12, isaVersion);
        Envelopes.isa(w, parties, isaVersion, interchange, test, now);
        Envelopes.gs(w, functionalId(document), parties, group, version, now);
        w.markSetStart();
        w.segment("ST", document.x12SetId(), st02, version.startsWith("005") ? version : null);
        if (document instanceof OrderPlaced order) {
            X12Documents.order(w, order);
        } else if (document instanceof OrderChanged change) {
            X12Documents.change(w, change);
        } else if (document instanceof LoadTendered tender) {
            X12Documents.tender(w, tender);
        } else if (document instanceof BookingRequested booking) {
            X12Documents.booking(w, booking, now);
        } else if (document instanceof ReceiptAdvised receipt) {
            X12Documents.receipt(w, receipt, now);
        } else if (document instanceof RemittanceAdvised remittance) {
            X12Documents.remittance(w, remittance, now);
        } else if (document instanceof DeductionRaised deduction) {
            X12Documents.deduction(w, deduction, now);
        } else {
            X12Documents.advice(w, (ApplicationAdvised) document, now);
        }
        w.segment("SE", Integer.toString(w.segmentsInSet() + 1), st02);
        Envelopes.ge(w, 1, group);
        Envelopes.iea(w, 1, interchange);
        return result(document.x12SetId(), Standard.X12, w, Envelopes.isa13(interchange), Long.toString(group), st02);
    }

    private static OutboundEdi edifact(
            OutboundDocument document,
            Parties parties,
            String directory,
            ControlNumberSource numbers,
            LocalDateTime now,
            boolean test) {
        if (!writes(document, Standard.EDIFACT)) {
            throw new IllegalArgumentException(
                    "load tenders go to EDIFACT partners as IFTMIN, which Seamline does not write");
        }
        long interchange = numbers.next(ControlNumberSource.INTERCHANGE);
        String reference = Long.toString(numbers.next(ControlNumberSource.SET));
        String[] dir = directory.split(":");
        EdiWriter w = EdiWriter.of(Standard.EDIFACT, "UNOC", "3");
        Envelopes.unb(w, parties, "3", interchange, test, now);
        w.markSetStart();
        w.segment(
                "UNH",
                reference,
                Composite.of(document.edifactMessage(), dir[0], dir.length > 1 ? dir[1] : "96A", "UN"));
        if (document instanceof OrderPlaced order) {
            EdifactDocuments.order(w, order);
        } else if (document instanceof OrderChanged change) {
            EdifactDocuments.change(w, change);
        } else if (document instanceof BookingRequested booking) {
            EdifactDocuments.booking(w, booking, now);
        } else if (document instanceof ReceiptAdvised receipt) {
            EdifactDocuments.receipt(w, receipt, now);
        } else if (document instanceof RemittanceAdvised remittance) {
            EdifactDocuments.remittance(w, remittance, now);
        } else if (document instanceof DeductionRaised deduction) {
            EdifactDocuments.deduction(w, deduction, now);
        } else {
            EdifactDocuments.advice(w, (ApplicationAdvised) document, now);
        }
        w.segment("UNT", Integer.toString(w.segmentsInSet() + 1), reference);
        Envelopes.unz(w, 1, interchange);
        return result(document.edifactMessage(), Standard.EDIFACT, w, Long.toString(interchange), null, reference);
    }

    private static OutboundEdi result(
            String type, Standard standard, EdiWriter w, String interchange, String group, String set) {
        byte[] content = w.finish();
        if (!w.problems().isEmpty()) {
            throw new IllegalArgumentException("the " + type + " would not be valid: " + w.problems());
        }
        return new OutboundEdi(type, standard, content, interchange, group, List.of(set));
    }

    private static String functionalId(OutboundDocument document) {
        return switch (document.x12SetId()) {
            case "850" -> "PO";
            case "860" -> "PC";
            case "204" -> "SM";
            case "300" -> "RO";
            case "861" -> "RC";
            case "820" -> "RA";
            case "812" -> "CD";
            default -> "AG";
        };
    }
}
