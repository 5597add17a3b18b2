package io.seamline.coordination.documents;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.shipment.Shipment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Documents a partner files with us (a proof of delivery, a commercial invoice, a packing list from a mail or the
 * portal): filed on the shipment its references name inside the partner's relationship, else on its own message. The
 * freight audit reads them as evidence; nothing else happens.
 */
@Component
class FiledDocuments implements DocumentWorkflow {

    private final Matching matching;
    private final Relationships relationships;

    FiledDocuments(Matching matching, Relationships relationships) {
        this.matching = matching;
        this.relationships = relationships;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(DocumentReceived.class);
    }

    @Override
    public Correlation correlate(Work work) {
        var document = (DocumentReceived) work.event().data();
        Shipment shipment = Matching.first(relationships.shipments(work.partner(), document.references()))
                .orElse(null);
        Subject subject = shipment != null ? Subject.shipment(shipment.id().value()) : Matching.messageSubject(work);
        return new Correlation(subject, matching.ordersOf(work.partner(), shipment), Map.of(), shipment, null, null);
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        return List.of();
    }

    @Override
    public String describe(EventData data) {
        var document = (DocumentReceived) data;
        return document.documentType() + " document " + document.fileName();
    }
}
