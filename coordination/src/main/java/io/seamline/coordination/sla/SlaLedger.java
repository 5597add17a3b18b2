package io.seamline.coordination.sla;

import io.seamline.adapters.persistence.Expectations;
import io.seamline.model.Page;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.sla.BreachCount;
import io.seamline.model.sla.DailyBreaches;
import io.seamline.model.sla.Expectation;
import io.seamline.model.sla.ExpectationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads the SLA ledger for the API and the portal; a partner sees only its own expectations. */
@Service
public class SlaLedger {

    private final Expectations expectations;

    public SlaLedger(Expectations expectations) {
        this.expectations = expectations;
    }

    /** Breaches, newest first: open ones only, or also those met late. */
    public Page<Expectation> breaches(boolean openOnly, PartnerId partner, Instant from, Instant to, Window window) {
        return expectations.breaches(openOnly, partner, from, to, window);
    }

    /** Expectations by kind, subject, partner and status, oldest first, as far as the caller may see. */
    public List<Expectation> list(
            String kind,
            Subject subject,
            PartnerId partner,
            ExpectationStatus status,
            PartnerScope scope,
            Window window) {
        Optional<PartnerId> own = scope.restrictedTo();
        if (own.isPresent() && partner != null && !partner.equals(own.get())) {
            return List.of();
        }
        return expectations.list(kind, subject, own.orElse(partner), status == null ? null : status.name(), window);
    }

    /** Open breaches now, by partner and kind, most first. */
    public List<BreachCount> openBreachCounts() {
        return expectations.openBreachCounts();
    }

    /** Breaches raised per day and kind in {@code [from, to)}: the dashboard's trend. */
    public List<DailyBreaches> breachesPerDay(Instant from, Instant to) {
        return expectations.breachesPerDay(from, to);
    }

    public Optional<Expectation> find(UUID id, PartnerScope scope) {
        return expectations
                .find(id)
                .filter(e -> scope.restrictedTo().isEmpty()
                        || scope.restrictedTo().get().equals(e.partnerId()));
    }
}
