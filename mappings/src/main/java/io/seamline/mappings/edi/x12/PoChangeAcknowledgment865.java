package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Notes;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.EventData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 865 Purchase Order Change Acknowledgment/Request (seller initiated) → {@code po.commitment.updated}: per POC
 * line the new quantity (ACK02, else POC03), the promised date (ACK05 or DTM with a promised qualifier) and the
 * change reason (ACK01, else the POC02 change type).
 */
final class PoChangeAcknowledgment865 implements SetMapper {

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("865");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> header = tx.before("POC");
        Segment bca = reads.required(
                Transaction.first(header, "BCA"), "BCA", tx.segments().get(0));
        if (bca != null) {
            reads.required(bca, 1);
        }
        String poNumber = ctx.poNumber("BCA03", header, bca);
        List<String> promised = ctx.promisedDateQualifiers(PoAcknowledgment855.PROMISED);
        var lines = new ArrayList<CommitmentUpdated.Line>();
        List<List<Segment>> loops = tx.loops("POC", Set.of("CTT", "AMT", "SE"));
        for (int i = 0; i < loops.size(); i++) {
            List<Segment> loop = loops.get(i);
            Segment poc = loop.get(0);
            Segment ack = Transaction.first(loop, "ACK").orElse(null);
            BigDecimal quantity = ack != null && ack.get(2) != null ? reads.quantity(ack, 2) : reads.quantity(poc, 3);
            String reason = ack != null && ack.get(1) != null ? ack.get(1) : poc.get(2);
            var items = ctx.x12Items(poc, 8);
            lines.add(new CommitmentUpdated.Line(
                    ctx.lineNumber("POC01", loop, i + 1),
                    quantity,
                    PoAcknowledgment855.promisedDate(ack, loop, promised, reads),
                    reason,
                    items.itemId(),
                    items.partnerItemId(),
                    items.ids(),
                    Notes.x12(loop)));
        }
        String note = Notes.x12(header);
        return List.of(new CommitmentUpdated(poNumber, lines, note));
    }
}
