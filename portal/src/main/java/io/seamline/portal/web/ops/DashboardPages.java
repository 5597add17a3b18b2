package io.seamline.portal.web.ops;

import io.seamline.coordination.lifecycle.Certification;
import io.seamline.coordination.metrics.Autonomy;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.coordination.sla.Scorecards;
import io.seamline.coordination.sla.SlaLedger;
import io.seamline.coordination.workflow.TaskDecisions;
import io.seamline.model.Window;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.sla.BreachCount;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.workflow.AutonomyRate;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.ScorecardView;
import io.seamline.routes.as2.As2Certificates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What internal teams watch: the SLA dashboard (open breaches by partner and kind, the daily trend, the newest
 * breaches with their evidence, the autonomy rate) and the partner pages (profile, identifiers, channels, policies,
 * scorecard, autonomy).
 */
@Controller
@RequestMapping("/portal/ops")
class DashboardPages {

    static final Duration TREND = Duration.ofDays(30);

    private final SlaLedger sla;
    private final Autonomy autonomy;
    private final Scorecards scorecards;
    private final PartnerDirectory partners;
    private final TaskDecisions tasks;
    private final As2Certificates certificates;
    private final Clock clock;

    private final Certification certification;

    public DashboardPages(
            SlaLedger sla,
            Autonomy autonomy,
            Scorecards scorecards,
            PartnerDirectory partners,
            TaskDecisions tasks,
            As2Certificates certificates,
            Certification certification,
            Clock clock) {
        this.certificates = certificates;
        this.certification = certification;
        this.sla = sla;
        this.autonomy = autonomy;
        this.scorecards = scorecards;
        this.partners = partners;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/sla")
    String dashboard(Model model) {
        Instant now = clock.instant();
        List<BreachCount> open = sla.openBreachCounts();
        model.addAttribute("open", open);
        model.addAttribute(
                "openTotal", open.stream().mapToLong(BreachCount::count).sum());
        model.addAttribute("byPartner", sum(open, true));
        model.addAttribute("byKind", sum(open, false));
        model.addAttribute(
                "openTasks",
                tasks.list(new TaskQuery(TaskStatus.OPEN, null, null, null, Window.first(1)))
                        .total());
        AutonomyRate rate = autonomy.rate(now.minus(TREND), now.plusSeconds(1));
        model.addAttribute("autonomy", rate);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var days = new ArrayList<LocalDate>();
        for (LocalDate day = today.minusDays(TREND.toDays() - 1); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        var series = Charts.perDay(
                days, sla.breachesPerDay(days.get(0).atStartOfDay().toInstant(ZoneOffset.UTC), now.plusSeconds(1)));
        long raised =
                series.values().stream().flatMapToLong(java.util.Arrays::stream).sum();
        model.addAttribute(
                "trend",
                Charts.stackedBars(
                        days, series, "Breaches raised per day over the last 30 days by kind: " + raised + " in all"));
        model.addAttribute("legend", Charts.legend(series));
        model.addAttribute(
                "recent", sla.breaches(true, null, null, null, Window.first(20)).items());
        model.addAttribute("certificates", certificates.expiring());
        return "portal/ops/sla";
    }

    /** Open breaches summed by partner or by kind, most first. */
    private static Map<String, Long> sum(List<BreachCount> counts, boolean byPartner) {
        var sums = new TreeMap<String, Long>();
        for (BreachCount count : counts) {
            String key = byPartner ? String.valueOf(count.partnerId()) : count.kind();
            sums.merge(key, count.count(), Long::sum);
        }
        var sorted = new java.util.LinkedHashMap<String, Long>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    @GetMapping("/partners")
    String partners(Model model) {
        Instant now = clock.instant();
        model.addAttribute("partners", partners.list(PartnerScope.everyone()));
        model.addAttribute("autonomy", autonomy.rate(now.minus(TREND), now.plusSeconds(1)));
        return "portal/ops/partners";
    }

    @GetMapping("/partners/{id}")
    String partner(@PathVariable String id, Model model) {
        if (!PartnerId.isValid(id)) {
            throw new PageNotFound("partner " + id);
        }
        Partner partner = partners.find(PartnerId.of(id), PartnerScope.everyone())
                .orElseThrow(() -> new PageNotFound("partner " + id));
        Instant now = clock.instant();
        model.addAttribute("partner", partner);
        model.addAttribute("board", certification.board(partner));
        model.addAttribute(
                "scorecard", ScorecardView.of(scorecards.of(partner.id(), now.minus(TREND), now.plusSeconds(1))));
        model.addAttribute(
                "autonomy",
                autonomy.rate(now.minus(TREND), now.plusSeconds(1)).byPartner().get(id));
        model.addAttribute(
                "breaches",
                sla.breaches(true, partner.id(), null, null, Window.first(50)).items());
        return "portal/ops/partner";
    }
}
