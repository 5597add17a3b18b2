package io.seamline.portal.web.lifecycle;

import io.seamline.coordination.retention.Holds;
import io.seamline.coordination.retention.Retention;
import io.seamline.coordination.webhooks.OpsEvents;
import io.seamline.coordination.webhooks.Subscriptions;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.retention.LegalHold;
import io.seamline.model.webhook.WebhookSubscription;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Data and alerts for admins: the retention rules in force and a dry run, legal holds set and lifted with a reason,
 * and the ops alert subscriptions — the same services as the API, each change audited.
 */
@Controller
class LifecyclePages {

    private static final String PAGE = "/portal/ops/lifecycle";

    private final Retention retention;
    private final Holds holds;
    private final Subscriptions subscriptions;
    private final SignedIn signedIn;

    LifecyclePages(Retention retention, Holds holds, Subscriptions subscriptions, SignedIn signedIn) {
        this.retention = retention;
        this.holds = holds;
        this.subscriptions = subscriptions;
        this.signedIn = signedIn;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("rules", retention.rules());
        model.addAttribute("holds", holds.inForce());
        model.addAttribute("alerts", subscriptions.internal());
        model.addAttribute("eventTypes", OpsEvents.TYPES);
        return "portal/ops/lifecycle";
    }

    @PostMapping(PAGE + "/dry-run")
    String dryRun(RedirectAttributes redirect) {
        Retention.Outcome outcome = retention.dryRun();
        return done(redirect, "A retention run now would remove " + outcome.removed() + ".", false);
    }

    @PostMapping(PAGE + "/holds")
    String hold(@RequestParam String subject, @RequestParam String reason, RedirectAttributes redirect) {
        String s = subject.strip();
        String wrong = LegalHold.subjectProblem(s);
        if (wrong != null || reason.isBlank()) {
            return done(
                    redirect,
                    wrong != null && s.matches(LegalHold.SUBJECT)
                            ? "The hold's subject " + wrong + "."
                            : "A hold needs a subject (po/…, shipment/…, partner/…, message/…) and a reason.",
                    true);
        }
        LegalHold hold = holds.set(s, reason.strip(), signedIn.caller().actor());
        return done(
                redirect,
                "Hold set on " + hold.subject() + "."
                        + (holds.keepsSomethingUnder(s)
                                ? ""
                                : " Nothing is kept under that name yet: check it, the hold keeps what comes under it."),
                false);
    }

    @PostMapping(PAGE + "/holds/{id}/lift")
    String lift(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        UUID hold = uuid(id);
        if (reason.isBlank()) {
            return done(redirect, "Say why the hold is lifted.", true);
        }
        return holds.lift(hold, reason.strip(), signedIn.caller().actor())
                .map(h -> done(redirect, "Hold on " + h.subject() + " lifted.", false))
                .orElseThrow(() -> new PageNotFound("hold " + id));
    }

    @PostMapping(PAGE + "/alerts")
    String subscribe(
            @RequestParam String url,
            @RequestParam(defaultValue = "*") String eventTypes,
            @RequestParam(defaultValue = "SEAMLINE") String format,
            RedirectAttributes redirect) {
        List<String> types = Arrays.stream(eventTypes.split("[,\\s]+"))
                .filter(t -> !t.isBlank())
                .toList();
        WebhookSubscription.Format chosen;
        try {
            chosen = WebhookSubscription.Format.valueOf(format.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return done(redirect, "The format is SEAMLINE or SLACK.", true);
        }
        var outcome = subscriptions.subscribeInternal(
                url, types, chosen, signedIn.caller().actor());
        if (outcome instanceof Subscriptions.Subscribed.Refused refused) {
            return done(redirect, "Not subscribed: " + refused.field() + " " + refused.reason(), true);
        }
        var created = ((Subscriptions.Subscribed.Created) outcome).subscription();
        return done(
                redirect,
                "Alerts go to " + created.url() + ". Their signing secret, shown this once: " + created.secret(),
                false);
    }

    @PostMapping(PAGE + "/alerts/{id}/end")
    String end(@PathVariable String id, RedirectAttributes redirect) {
        if (!subscriptions.unsubscribe(
                uuid(id), PartnerScope.everyone(), signedIn.caller().actor())) {
            throw new PageNotFound("subscription " + id);
        }
        return done(redirect, "The alert subscription ended.", false);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound(id);
        }
    }

    private static String done(RedirectAttributes redirect, String message, boolean failed) {
        redirect.addFlashAttribute("decision", message);
        redirect.addFlashAttribute("decisionFailed", failed);
        return "redirect:" + PAGE;
    }
}
