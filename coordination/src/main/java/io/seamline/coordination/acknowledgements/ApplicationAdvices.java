package io.seamline.coordination.acknowledgements;

import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A partner's application advice (824, APERAK) on a document of ours: about the PO it names when the partner's
 * relationship covers it; a rejection opens an ACK_REJECTED task.
 */
@Component
class ApplicationAdvices implements DocumentWorkflow {

    private final Relationships relationships;
    private final PurchaseOrders purchaseOrders;

    ApplicationAdvices(Relationships relationships, PurchaseOrders purchaseOrders) {
        this.relationships = relationships;
        this.purchaseOrders = purchaseOrders;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(ApplicationAckReceived.class);
    }

    @Override
    public Correlation correlate(Work work) {
        var advice = (ApplicationAckReceived) work.event().data();
        Optional<PurchaseOrder> order =
                advice.documentRef() == null || !PurchaseOrderNumber.isValid(advice.documentRef())
                        ? Optional.empty()
                        : purchaseOrders
                                .find(PurchaseOrderNumber.of(advice.documentRef()), PartnerScope.everyone())
                                .filter(o -> relationships.covers(work.partner(), o));
        Subject subject =
                order.map(o -> Subject.purchaseOrder(o.number().value())).orElse(Matching.messageSubject(work));
        return new Correlation(subject, order.stream().toList(), Map.of(), null, null, null);
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var advice = (ApplicationAckReceived) work.event().data();
        if (advice.status() == ApplicationAckReceived.Status.REJECTED) {
            effects.openTask(
                    Rejections.context(null, work, advice.errors()),
                    correlated.correlation().subject(),
                    work.partner().id(),
                    work.partner().id() + " rejected " + advice.documentRef() + ": " + advice.errors(),
                    Rejections.SUGGESTIONS,
                    work.eventId(),
                    work.message().id(),
                    work.step("task"));
        }
        return List.of();
    }

    @Override
    public String describe(EventData data) {
        var advice = (ApplicationAckReceived) data;
        return "Application advice on " + advice.documentRef() + ": " + advice.status()
                + (advice.errors().isEmpty() ? "" : " " + advice.errors());
    }
}
