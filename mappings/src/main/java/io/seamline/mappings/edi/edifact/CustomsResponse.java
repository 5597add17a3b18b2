package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.CustomsStatusReported.Status;
import io.seamline.model.event.EventData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CUSRES → {@code customs.status}. Customs authorities code their responses differently, so the status comes from
 * the broker's overrides ({@code GIS01:<code>}) or this default: ERP/ERC errors or BGM 1225 27 → REJECTED; GIS
 * processing indicator 1/RE → RELEASED, 2/HO → HOLD, 3/FI → FILED; documents requested (DOC) without a release →
 * HOLD; otherwise FILED. The entry number is RFF+ABT (else ABE, else BGM 1004).
 */
final class CustomsResponse implements SetMapper {

    static final Map<String, Status> GIS = Map.of(
            "1", Status.RELEASED,
            "RE", Status.RELEASED,
            "2", Status.HOLD,
            "HO", Status.HOLD,
            "3", Status.FILED,
            "FI", Status.FILED,
            "4", Status.REJECTED);

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("CUSRES");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> all = tx.segments();
        Segment bgm = reads.required(tx.first("BGM"), "BGM", all.get(0));
        String entry = Qualified.reference(all, "ABT", "ABE");
        if (entry == null && bgm != null) {
            entry = reads.required(bgm, 2, 1);
        }
        var references = new LinkedHashMap<String, String>();
        put(references, "bol", Qualified.reference(all, "BM", "AWB"));
        put(references, "shipmentId", Qualified.reference(all, "CU", "SRN"));
        put(references, "poNumber", Qualified.reference(all, "ON"));
        put(references, "container", Qualified.reference(all, "EQ"));
        var documents = new ArrayList<String>();
        for (Segment doc : tx.all("DOC")) {
            String code = doc.get(1, 1);
            String name = doc.get(1, 4);
            if (name != null || code != null) {
                documents.add(name != null ? name : code);
            }
        }
        boolean errors =
                all.stream().anyMatch(s -> s.tag().equals("ERP") || s.tag().equals("ERC"));
        Segment gis = tx.first("GIS").orElse(null);
        Status status = gis == null ? null : reads.codeOr("GIS01", gis.get(1, 1), GIS, Status.class, null);
        if (errors || (bgm != null && "27".equals(bgm.get(3)))) {
            status = Status.REJECTED;
        } else if (status == null) {
            status = documents.isEmpty() ? Status.FILED : Status.HOLD;
        }
        String reason = Transaction.first(all, "FTX").map(f -> f.get(4, 1)).orElse(null);
        return List.of(new CustomsStatusReported(entry, references, status, reason, documents));
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
