package io.seamline.mappings.edi.mapping;

import io.seamline.model.event.ItemId;
import java.util.ArrayList;
import java.util.List;

/**
 * Item numbers from qualifier/id pairs: X12 PO106/PO107, LIN02/LIN03, IT106/IT107 …; EDIFACT LIN C212 and PIA.
 * Which qualifiers carry our number and which the partner's comes from the set's defaults or the partner overrides;
 * {@code ids} keeps every pair the line sent, in order, whether or not one of them was chosen.
 */
public record Items(String itemId, String partnerItemId, List<ItemId> ids, String lot, List<String> serials) {

    /** Lot and batch numbers (X12 235). */
    static final List<String> X12_LOTS = List.of("LT", "B8");

    /** Serial numbers (X12 235). */
    static final List<String> X12_SERIALS = List.of("SN");

    /** Batch numbers: PIA item type (7143) NB, GIN identity number qualifier (7405) BX. */
    static final List<String> EDIFACT_LOTS = List.of("NB", "BX");

    /** Serial numbers: PIA item type (7143) SN, GIN identity number qualifier (7405) BN. */
    static final List<String> EDIFACT_SERIALS = List.of("SN", "BN");

    public Items {
        ids = List.copyOf(ids);
        serials = List.copyOf(serials);
    }

    private static Items of(
            String item, String partnerItem, List<ItemId> ids, List<String> lots, List<String> serials) {
        return new Items(item, partnerItem, ids, ItemId.first(ids, lots), ItemId.all(ids, serials));
    }

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

    public static final Items NONE = new Items(null, null, List.of(), null, List.of());

    /** X12 pairs: qualifier at {@code first}, id at {@code first + 1}, and so on to the end of the segment. */
    public static Items x12Pairs(Segment s, int first, List<String> buyer, List<String> partner) {
        String item = null;
        String partnerItem = null;
        int bestBuyer = Integer.MAX_VALUE;
        int bestPartner = Integer.MAX_VALUE;
        var ids = new ArrayList<ItemId>();
        for (int i = first; i + 1 <= s.elementCount(); i += 2) {
            String qualifier = s.get(i);
            String id = s.get(i + 1);
            if (qualifier == null || id == null) {
                continue;
            }
            ids.add(new ItemId(qualifier, id));
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
        return of(item, partnerItem, ids, X12_LOTS, X12_SERIALS);
    }

    /**
     * EDIFACT: the LIN item (element 3), every PIA item in the line's segments, and the batch and serial numbers of
     * its GIN segments (each identity number of C208, qualified by 7405).
     */
    public static Items edifact(List<Segment> line, List<String> buyer, List<String> partner) {
        String item = null;
        String partnerItem = null;
        int bestBuyer = Integer.MAX_VALUE;
        int bestPartner = Integer.MAX_VALUE;
        var ids = new ArrayList<ItemId>();
        for (Segment s : line) {
            int from;
            int to;
            if (s.tag().equals("LIN")) {
                from = 3;
                to = 3;
            } else if (s.tag().equals("PIA")) {
                from = 2;
                to = s.elementCount();
            } else if (s.tag().equals("GIN") && s.get(1) != null) {
                for (int e = 2; e <= s.elementCount(); e++) {
                    for (int c = 1; c <= 2; c++) {
                        String number = s.get(e, c);
                        if (number != null) {
                            ids.add(new ItemId(s.get(1), number));
                        }
                    }
                }
                continue;
            } else {
                continue;
            }
            for (int e = from; e <= to; e++) {
                String id = s.get(e, 1);
                String type = s.get(e, 2);
                if (id == null || type == null) {
                    continue;
                }
                ids.add(new ItemId(type, id));
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
        return of(item, partnerItem, ids, EDIFACT_LOTS, EDIFACT_SERIALS);
    }
}
