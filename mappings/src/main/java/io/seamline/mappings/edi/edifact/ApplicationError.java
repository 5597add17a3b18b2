package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.ApplicationAckReceived.Status;
import io.seamline.model.event.EventData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * APERAK → {@code ack.application}: the document it answers (the first RFF), rejected when it carries ERC errors
 * or BGM 1225 is 27, accepted with errors for 1225 4 or 34, accepted otherwise; errors from ERC and FTX.
 */
final class ApplicationError implements SetMapper {

    static final Map<String, Status> BGM_1225 = Map.of(
            "27", Status.REJECTED,
            "4", Status.ACCEPTED_WITH_ERRORS,
            "34", Status.ACCEPTED_WITH_ERRORS,
            "29", Status.ACCEPTED);

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("APERAK");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment bgm = reads.required(tx.first("BGM"), "BGM", tx.segments().get(0));
        Segment rff = Transaction.first(tx.segments(), "RFF").orElse(null);
        String reference = rff == null ? (bgm == null ? null : bgm.get(2, 1)) : rff.get(1, 2);
        var errors = new ArrayList<String>();
        for (Segment s : tx.segments()) {
            if (s.tag().equals("ERC") && s.get(1, 1) != null) {
                errors.add("error " + s.get(1, 1));
            } else if (s.tag().equals("FTX") && s.get(4, 1) != null) {
                errors.add(s.get(4, 1));
            }
        }
        boolean hasErrorCodes = tx.segments().stream().anyMatch(s -> s.tag().equals("ERC"));
        Status status = reads.codeOr(
                "BGM03",
                bgm == null ? null : bgm.get(3),
                BGM_1225,
                Status.class,
                hasErrorCodes ? Status.REJECTED : Status.ACCEPTED);
        if (hasErrorCodes && status == Status.ACCEPTED) {
            status = Status.ACCEPTED_WITH_ERRORS;
        }
        return List.of(new ApplicationAckReceived(reference, status, errors));
    }
}
