package io.seamline.coordination.policy;

import static io.seamline.coordination.policy.CommitmentRules.plain;

import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.policy.PolicyDecision.Outcome;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipments against orders: a ship notice may not ship more than ordered (plus {@code asn.overShipPercent}); an ETA
 * later than a line's need-by date (plus {@code shipment.delayGraceDays}) is a delay a person must weigh.
 */
public final class ShipmentRules {

    public static final String ASN_QUANTITY = "asn.quantity";
    public static final String DELAY = "shipment.delay";
    public static final int VERSION = 1;

    private ShipmentRules() {}

    /**
     * @param shippedBefore what other shipments already carry of the line
     * @param shippedNow what this notice ships of it
     */
    public static PolicyDecision asnQuantity(
            String poNumber,
            PurchaseOrderLine line,
            BigDecimal shippedBefore,
            BigDecimal shippedNow,
            PolicyValues values) {
        BigDecimal overShip = values.number(Limit.ASN_OVER_SHIP_PERCENT);
        BigDecimal allowed =
                line.quantity().multiply(BigDecimal.valueOf(100).add(overShip)).divide(BigDecimal.valueOf(100));
        BigDecimal total = shippedBefore.add(shippedNow);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("poNumber", poNumber);
        inputs.put("lineNumber", line.lineNumber());
        inputs.put("orderedQuantity", line.quantity());
        inputs.put("shippedBefore", shippedBefore);
        inputs.put("shippedNow", shippedNow);
        inputs.put("overShipPercent", overShip);
        inputs.put("overShipPercentFrom", values.source(Limit.ASN_OVER_SHIP_PERCENT));
        String what = "PO " + poNumber + " line " + line.lineNumber() + ": " + plain(total) + " shipped of "
                + plain(line.quantity()) + " ordered";
        if (total.compareTo(allowed) <= 0) {
            return new PolicyDecision(
                    ASN_QUANTITY,
                    VERSION,
                    inputs,
                    Outcome.APPLY,
                    what + (total.compareTo(line.quantity()) < 0 ? " (partial shipment)" : ""));
        }
        return new PolicyDecision(
                ASN_QUANTITY, VERSION, inputs, Outcome.TASK, what + ", more than the order allows; a person decides");
    }

    /** Whether the ETA makes any open line of the PO late; one decision per PO. */
    public static PolicyDecision delay(PurchaseOrder order, LocalDateTime eta, PolicyValues values) {
        int grace = values.number(Limit.DELAY_GRACE_DAYS).intValue();
        var late = new ArrayList<Map<String, Object>>();
        for (PurchaseOrderLine line : order.lines()) {
            if (!open(line)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(line.needByDate(), eta.toLocalDate());
            if (days > grace) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("lineNumber", line.lineNumber());
                entry.put("needByDate", line.needByDate().toString());
                entry.put("daysLate", days);
                late.add(entry);
            }
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("poNumber", order.number().value());
        inputs.put("estimatedDelivery", eta.toString());
        inputs.put("delayGraceDays", grace);
        inputs.put("lateLines", List.copyOf(late));
        if (late.isEmpty()) {
            return new PolicyDecision(
                    DELAY,
                    VERSION,
                    inputs,
                    Outcome.APPLY,
                    "the new ETA " + eta.toLocalDate() + " still meets every need-by date of PO " + order.number());
        }
        return new PolicyDecision(
                DELAY,
                VERSION,
                inputs,
                Outcome.TASK,
                "the new ETA " + eta.toLocalDate() + " is after the need-by date of " + late.size() + " line(s) of PO "
                        + order.number() + "; a person weighs the impact");
    }

    private static boolean open(PurchaseOrderLine line) {
        return switch (line.status()) {
            case CANCELLED, REJECTED -> false;
            default -> true;
        };
    }

    /** Hours a confirmed booking's ETD or ETA may differ from our plan. */
    public static long bookingToleranceHours(PolicyValues values) {
        return values.number(Limit.BOOKING_TOLERANCE_HOURS).longValue();
    }
}
