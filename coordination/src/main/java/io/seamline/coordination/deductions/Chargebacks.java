package io.seamline.coordination.deductions;

import io.seamline.coordination.effects.Deducting;
import io.seamline.coordination.sla.Breaches;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.model.sla.Expectation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A breach whose partner's SLA profile names a charge ({@code <kind>.chargeback}, in {@code chargeback.currency}) is
 * a proposed deduction, its evidence the expectation's evidence pack.
 */
@Component
class Chargebacks implements Breaches {

    private final DeductionProposals proposals;

    Chargebacks(DeductionProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void breached(Expectation expectation, SlaProfile profile) {
        Optional<BigDecimal> charge = profile.chargeback(expectation.kind());
        if (charge.isEmpty()) {
            return;
        }
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("expectationId", expectation.id().toString());
        evidence.put("expectation", expectation.kind());
        evidence.put("dueAt", expectation.dueAt().toString());
        evidence.put("evidencePack", "/api/v1/sla/expectations/" + expectation.id() + "/evidence");
        if (expectation.reference() != null) {
            evidence.put("reference", expectation.reference());
        }
        proposals.propose(new Deducting.Cause(
                expectation.partnerId(),
                expectation.subject(),
                "SLA",
                expectation.kind() + " on " + expectation.subject() + " breached: due " + expectation.dueAt(),
                charge.get(),
                profile.chargebackCurrency(),
                evidence,
                expectation.openedBy(),
                "sla:" + expectation.id()));
    }
}
