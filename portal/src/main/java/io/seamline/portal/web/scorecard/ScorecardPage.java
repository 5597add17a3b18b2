package io.seamline.portal.web.scorecard;

import io.seamline.coordination.sla.Scorecards;
import io.seamline.coordination.sla.SlaLedger;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.model.Window;
import io.seamline.model.sla.ExpectationStatus;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.ScorecardView;
import io.seamline.portal.web.SignedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A partner's own scorecard over the last 30 days, and what it owes us now: its open SLA items (due soon) and
 * breaches (overdue), so a supplier sees the 855 it has not sent before it becomes a chargeback.
 */
@Controller
class ScorecardPage {

    private final Scorecards scorecards;
    private final SlaLedger sla;
    private final SignedIn signedIn;
    private final Clock clock;

    public ScorecardPage(Scorecards scorecards, SlaLedger sla, SignedIn signedIn, Clock clock) {
        this.scorecards = scorecards;
        this.sla = sla;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/portal/scorecard")
    String scorecard(Model model) {
        Caller caller = signedIn.caller();
        if (caller.partnerId().isEmpty()) {
            throw new PageNotFound("a partner's own scorecard");
        }
        Instant now = clock.instant();
        model.addAttribute(
                "scorecard",
                ScorecardView.of(scorecards.of(caller.partner(), now.minus(Duration.ofDays(30)), now.plusSeconds(1))));
        var owed = new ArrayList<>(
                sla.list(null, null, caller.partner(), ExpectationStatus.BREACHED, caller.scope(), Window.first(200)));
        owed.addAll(sla.list(null, null, caller.partner(), ExpectationStatus.OPEN, caller.scope(), Window.first(200)));
        // what the partner owes, not what we owe it (our decisions on its tasks)
        owed.removeIf(e -> e.kind().equals(SlaProfile.Kind.TASK_DECISION));
        model.addAttribute("owed", owed);
        model.addAttribute("now", now);
        return "portal/scorecard";
    }
}
