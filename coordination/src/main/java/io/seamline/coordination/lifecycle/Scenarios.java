package io.seamline.coordination.lifecycle;

import io.seamline.coordination.effects.RecordingEffects.Recorded;
import io.seamline.coordination.steps.Correlation;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.EventData;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.order.PurchaseOrderLine;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scenarios a partner's test document can show, by name, judged on what it said, what it matched and what it
 * would have done. A checklist names them ({@code accept-all}, {@code partial}, {@code status:DELIVERED}, …).
 */
final class Scenarios {

    private static final Set<String> NAMES = Set.of(
            "accept-all",
            "accept-with-changed-date",
            "reject-a-line",
            "changed-date",
            "partial",
            "complete",
            "matches-po",
            "price-difference",
            "inside-tolerance",
            "outside-tolerance",
            "accepted",
            "declined",
            "acknowledged",
            "sender-and-receiver",
            "control-numbers-increase",
            Checklists.PROCESSED);

    private Scenarios() {}

    static java.util.List<String> names() {
        var names = new java.util.ArrayList<>(NAMES);
        names.add("status:<STATUS>");
        names.sort(null);
        return names;
    }

    static boolean known(String name) {
        return NAMES.contains(name) || name.matches("status:[A-Z_]+");
    }

    /** What a test event showed: its event, what it matched (null when nothing), what it would have done. */
    record Evidence(EventData data, Correlation correlation, List<Recorded> effects) {

        boolean matched() {
            return correlation != null && correlation.matched();
        }

        PurchaseOrderLine line(int index) {
            return correlation == null ? null : correlation.lines().get(index);
        }

        boolean did(String effect, String key, Object value) {
            return effects.stream()
                    .anyMatch(r -> r.effect().equals(effect)
                            && Objects.equals(r.details().get(key), value));
        }
    }

    /** Whether the document shows the scenario (a document that matched nothing shows none but the envelope's). */
    static boolean shows(String scenario, Evidence e) {
        if (!e.matched()) {
            return false;
        }
        EventData data = e.data();
        if (scenario.startsWith("status:")) {
            String status = scenario.substring("status:".length());
            return (data instanceof ShipmentStatusReported s
                            && s.status() != null
                            && s.status().name().equals(status))
                    || (data instanceof CustomsStatusReported c
                            && c.status() != null
                            && c.status().name().equals(status));
        }
        return switch (scenario) {
            case "accept-all" -> data instanceof OrderAcknowledged ack && acceptsAll(ack, e);
            case "accept-with-changed-date" -> data instanceof OrderAcknowledged ack && changesADate(ack, e);
            case "reject-a-line" -> data instanceof OrderAcknowledged ack
                    && (ack.ackType() == OrderAcknowledged.AckType.REJECTED
                            || ack.lines().stream().anyMatch(l -> l.status() == OrderAcknowledged.LineStatus.REJECTED));
            case "changed-date" -> data instanceof CommitmentUpdated update
                    && update.lines().stream().anyMatch(l -> l.promisedDate() != null);
            case "partial" -> data instanceof ShipmentAdvised notice && shipped(notice, e) == Shipped.PARTIAL;
            case "complete" -> data instanceof ShipmentAdvised notice && shipped(notice, e) == Shipped.COMPLETE;
            case "matches-po", "inside-tolerance" -> data instanceof InvoiceReceived
                    && e.did("invoice.status", "status", "APPROVED");
            case "price-difference" -> data instanceof InvoiceReceived invoice && pricesDiffer(invoice, e);
            case "outside-tolerance" -> data instanceof InvoiceReceived
                    && e.did("invoice.status", "status", "EXCEPTION");
            case "accepted" -> data instanceof TenderAnswered tender
                    && tender.decision() == TenderAnswered.Decision.ACCEPTED;
            case "declined" -> data instanceof TenderAnswered tender
                    && tender.decision() != TenderAnswered.Decision.ACCEPTED;
            case Checklists.PROCESSED -> true;
            default -> false;
        };
    }

    private static boolean acceptsAll(OrderAcknowledged ack, Evidence e) {
        if (ack.ackType() == OrderAcknowledged.AckType.REJECTED) {
            return false;
        }
        for (int i = 0; i < ack.lines().size(); i++) {
            OrderAcknowledged.Line line = ack.lines().get(i);
            if (line.status() != null && line.status() != OrderAcknowledged.LineStatus.ACCEPTED) {
                return false;
            }
            if (changesDate(line.promisedDate(), e.line(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean changesADate(OrderAcknowledged ack, Evidence e) {
        for (int i = 0; i < ack.lines().size(); i++) {
            OrderAcknowledged.Line line = ack.lines().get(i);
            if (line.status() != OrderAcknowledged.LineStatus.REJECTED && changesDate(line.promisedDate(), e.line(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean changesDate(java.time.LocalDate promised, PurchaseOrderLine line) {
        return promised != null && line != null && !promised.equals(line.needByDate());
    }

    private enum Shipped {
        PARTIAL,
        COMPLETE
    }

    /** Whether the notice ships all that is ordered of the lines it names, or less of some. */
    private static Shipped shipped(ShipmentAdvised notice, Evidence e) {
        var quantities = new HashMap<PurchaseOrderLine, BigDecimal>();
        for (int i = 0; i < notice.lines().size(); i++) {
            PurchaseOrderLine line = e.line(i);
            BigDecimal quantity = notice.lines().get(i).quantity();
            if (line != null && quantity != null) {
                quantities.merge(line, quantity, BigDecimal::add);
            }
        }
        if (quantities.isEmpty()) {
            return null;
        }
        for (Map.Entry<PurchaseOrderLine, BigDecimal> shipped : quantities.entrySet()) {
            if (shipped.getValue().compareTo(shipped.getKey().quantity()) < 0) {
                return Shipped.PARTIAL;
            }
        }
        return Shipped.COMPLETE;
    }

    private static boolean pricesDiffer(InvoiceReceived invoice, Evidence e) {
        for (int i = 0; i < invoice.lines().size(); i++) {
            PurchaseOrderLine line = e.line(i);
            BigDecimal price = invoice.lines().get(i).unitPrice();
            if (line != null && price != null && price.compareTo(line.unitPrice()) != 0) {
                return true;
            }
        }
        return false;
    }
}
