package io.seamline.coordination.workflow;

import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Ranks what an unmatched reference might have meant, so a person starts from the likeliest. */
final class Candidates {

    private static final int MAX = 5;

    private Candidates() {}

    /** The partner's open POs, closest PO number first (edit distance), then sharing the event's items. */
    static List<Map<String, Object>> orders(String wanted, List<String> itemIds, List<PurchaseOrder> open) {
        return open.stream()
                .filter(o -> o.status() != PurchaseOrderStatus.CLOSED && o.status() != PurchaseOrderStatus.CANCELLED)
                .map(o -> {
                    double number =
                            similarity(wanted == null ? "" : wanted, o.number().value());
                    long shared = o.lines().stream()
                            .filter(l -> itemIds.contains(l.itemId()) || itemIds.contains(l.partnerItemId()))
                            .count();
                    double items = itemIds.isEmpty() ? 0 : Math.min(1.0, (double) shared / itemIds.size());
                    double score = itemIds.isEmpty() ? number : 0.6 * number + 0.4 * items;
                    var candidate = new LinkedHashMap<String, Object>();
                    candidate.put("poNumber", o.number().value());
                    candidate.put("score", round(score));
                    candidate.put(
                            "reason",
                            "PO number " + Math.round(number * 100) + "% alike"
                                    + (shared > 0 ? ", " + shared + " item(s) in common" : ""));
                    return (Map<String, Object>) candidate;
                })
                .sorted(Comparator.comparing((Map<String, Object> c) -> (BigDecimal) c.get("score"))
                        .reversed())
                .limit(MAX)
                .toList();
    }

    /** A PO's lines, those with the wanted item first. */
    static List<Map<String, Object>> lines(PurchaseOrder order, String itemId, String partnerItemId) {
        return order.lines().stream()
                .map(l -> {
                    boolean item = Objects.equals(l.itemId(), itemId)
                            || (partnerItemId != null && Objects.equals(l.partnerItemId(), partnerItemId));
                    var candidate = new LinkedHashMap<String, Object>();
                    candidate.put("poNumber", order.number().value());
                    candidate.put("lineNumber", l.lineNumber());
                    candidate.put("itemId", l.itemId());
                    candidate.put("score", round(item ? 0.9 : 0.1));
                    candidate.put("reason", item ? "same item" : "another line of the PO");
                    return (Map<String, Object>) candidate;
                })
                .sorted(Comparator.comparing((Map<String, Object> c) -> (BigDecimal) c.get("score"))
                        .reversed())
                .limit(MAX)
                .toList();
    }

    static boolean matches(PurchaseOrderLine line, String itemId, String partnerItemId) {
        return (itemId != null && itemId.equals(line.itemId()))
                || (partnerItemId != null && partnerItemId.equals(line.partnerItemId()));
    }

    /** 1 for equal strings, falling with the Levenshtein distance relative to the longer one. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 1 : 1.0 - (double) distance(a, b) / longest;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static BigDecimal round(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
    }
}
