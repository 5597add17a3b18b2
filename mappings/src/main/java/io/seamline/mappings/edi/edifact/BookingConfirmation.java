package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.event.BookingConfirmed.Decision;
import io.seamline.model.event.EventData;
import java.util.List;
import java.util.Map;

/**
 * IFTMBC → {@code booking.confirmed}: BGM (the booking number, and the response type 4343: AP confirmed, CA changed,
 * RE declined), RFF BN/CU/SRN/ON, TDT (voyage 8028, vessel C222), LOC 9 (loading) and 11 (discharge) as UN/LOCODEs,
 * DTM 133 (ETD) and 132 (ETA), EQD CN (containers).
 */
final class BookingConfirmation implements SetMapper {

    static final Map<String, Decision> RESPONSE = Map.of(
            "AP", Decision.CONFIRMED,
            "AC", Decision.CONFIRMED,
            "CA", Decision.CHANGED,
            "RE", Decision.DECLINED);

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("IFTMBC");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> all = tx.segments();
        Segment bgm = reads.required(Transaction.first(all, "BGM"), "BGM", all.get(0));
        if (bgm == null) {
            return List.of();
        }
        String booking = Qualified.reference(all, "BN");
        if (booking == null) {
            booking = reads.required(bgm, 2, 1);
        }
        String response = bgm.get(4, 1);
        Decision decision = response == null
                ? Decision.CONFIRMED
                : reads.codeOr("BGM04", response, RESPONSE, Decision.class, Decision.CHANGED);
        Segment tdt = Transaction.first(all, "TDT").orElse(null);
        return List.of(new BookingConfirmed(
                booking,
                Qualified.reference(all, "CU", "SRN", "SI"),
                decision,
                tdt == null ? null : (tdt.get(8, 4) != null ? tdt.get(8, 4) : tdt.get(8, 1)),
                tdt == null ? null : tdt.get(2),
                Qualified.first(all, "LOC", "9").map(l -> l.get(2, 1)).orElse(null),
                Qualified.first(all, "LOC", "11").map(l -> l.get(2, 1)).orElse(null),
                Qualified.dateTime(reads, all, "133"),
                Qualified.dateTime(reads, all, "132"),
                all.stream()
                        .filter(s -> s.tag().equals("EQD") && "CN".equals(s.get(1)) && s.get(2, 1) != null)
                        .map(s -> s.get(2, 1))
                        .toList(),
                all.stream()
                        .filter(s -> s.tag().equals("RFF") && "ON".equals(s.get(1, 1)) && s.get(1, 2) != null)
                        .map(s -> s.get(1, 2))
                        .distinct()
                        .toList(),
                tdt == null ? null : tdt.get(5, 1)));
    }
}
