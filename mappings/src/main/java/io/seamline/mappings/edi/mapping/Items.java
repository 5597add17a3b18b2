package io.seamline.mappings.edi.mapping;

import java.util.List;

/**
 * Item numbers from qualifier/id pairs: X12 PO106/PO107, LIN02/LIN03, IT106/IT107 …; EDIFACT LIN C212 and PIA.
 * Which qualifiers carry our number and which the partner's comes from the set's defaults or the partner overrides.
 */
public record Items(String itemId, String partnerItemId) {

    /** Buyer's numbers (X12 235): buyer's part, buyer's item, buyer's catalogue. */
    public static final List<String> X12_BUYER = List.of("BP", "IN", "BI", "CB");

    /**
     * The partner's numbers (X12 235) in the order one is chosen: vendor's part and item, SKU, manufacturer, the
     * trade codes; then the vendor's catalogue and the consumer package and drug codes (UI, N4, ND), which name the
     * item when a line sends nothing else.
     */
    public static final List<String> X12_PARTNER =
            List.of("VP", "VN", "VA", "SK", "MG", "UP", "UA", "UK", "EN", "VC", "UI", "N4", "ND");

    public static final List<String> EDIFACT_BUYER = List.of("BP", "IN");
    public static final List<String> EDIFACT_PARTNER = List.of("SA", "VN", "VP", "MF", "EN", "SRV");

    public static final Items NONE = new Items(null, null);

    /** X12 pairs: qualifier at {@code first}, id at {@code first + 1}, and so on to the end of the segment. */
    public static Items x12Pairs(Segment s, int first, List<String> buyer, List<String> partner) {
        String item = null;
        String partnerItem = null;
        int bestBuyer = Integer.MAX_VALUE;
        int bestPartner = Integer.MAX_VALUE;
        for (int i = first; i + 1 <= s.elementCount(); i += 2) {
            String qualifier = s.get(i);
            String id = s.get(i + 1);
            if (qualifier == null || id == null) {
                continue;
            }
            int b = buyer.indexOf(qualifier);
            if (b >= 0 && b < bestBuyer) {
                bestBuyer = b;
                item = id;
            }
            int p = partner.indexOf(qualifier);
            if (p >= 0 && p < bestPartner) {
                bestPartner = p;
                partnerItem = id;
            }
        }
        return new Items(item, partnerItem);
    }

    /** EDIFACT: the LIN item (element 3) and every PIA item in the line's segments. */
    public static Items edifact(List<Segment> line, List<String> buyer, List<String> partner) {
        String item = null;
        String partnerItem = null;
        int bestBuyer = Integer.MAX_VALUE;
        int bestPartner = Integer.MAX_VALUE;
        for (Segment s : line) {
            int from;
            int to;
            if (s.tag().equals("LIN")) {
                from = 3;
                to = 3;
            } else if (s.tag().equals("PIA")) {
                from = 2;
                to = s.elementCount();
            } else {
                continue;
            }
            for (int e = from; e <= to; e++) {
                String id = s.get(e, 1);
                String type = s.get(e, 2);
                if (id == null || type == null) {
                    continue;
                }
                int b = buyer.indexOf(type);
                if (b >= 0 && b < bestBuyer) {
                    bestBuyer = b;
                    item = id;
                }
                int p = partner.indexOf(type);
                if (p >= 0 && p < bestPartner) {
                    bestPartner = p;
                    partnerItem = id;
                }
            }
        }
        return new Items(item, partnerItem);
    }
}
