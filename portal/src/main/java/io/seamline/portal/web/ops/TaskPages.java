package io.seamline.portal.web.ops;

import io.seamline.coordination.sla.SlaLedger;
import io.seamline.coordination.workflow.TaskDecisions;
import io.seamline.model.Window;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import io.seamline.portal.web.Forms;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The internal teams' task queue: filter by kind, partner and age; each task with its context (what the policy saw)
 * and the gateway's suggestions; approve or reject with a comment — one by one, or in bulk for the kinds where that
 * is safe ({@link TaskKind#bulkDecidable()}). A decision continues the workflow exactly as the API's does.
 */
@Controller
@RequestMapping("/portal/ops")
class TaskPages {

    private final TaskDecisions decisions;
    private final SlaLedger sla;
    private final SignedIn signedIn;
    private final Clock clock;

    public TaskPages(TaskDecisions decisions, SlaLedger sla, SignedIn signedIn, Clock clock) {
        this.decisions = decisions;
        this.sla = sla;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String queue(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String olderThanHours,
            @RequestParam(required = false, defaultValue = "OPEN") String status,
            Model model) {
        Instant before = null;
        if (Forms.filled(olderThanHours) && olderThanHours.strip().matches("\\d{1,5}")) {
            before = clock.instant().minus(Duration.ofHours(Long.parseLong(olderThanHours.strip())));
        }
        var page = decisions.list(new TaskQuery(
                Forms.enumOrNull(TaskStatus.class, status),
                Forms.enumOrNull(TaskKind.class, kind),
                Forms.partnerOrNull(partnerId),
                null,
                before,
                Window.first(Window.MAX_LIMIT)));
        Instant now = clock.instant();
        model.addAttribute(
                "tasks", page.items().stream().map(t -> TaskRow.of(t, now)).toList());
        model.addAttribute("total", page.total());
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("filter", new Filter(kind, partnerId, olderThanHours, status));
        return "portal/ops/tasks";
    }

    /** The queue's filter, shown again. */
    public record Filter(String kind, String partnerId, String olderThanHours, String status) {}

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, Model model) {
        Task task = decisions.find(taskId(id)).orElseThrow(() -> new PageNotFound("task " + id));
        model.addAttribute("task", task);
        return "portal/ops/task";
    }

    @PostMapping("/tasks/{id}/decision")
    String decide(
            @PathVariable String id,
            @RequestParam String decision,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Decision chosen = Forms.enumOrNull(Decision.class, decision);
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "Choose approve or reject.");
            return "redirect:/portal/ops/tasks/" + id;
        }
        TaskDecisions.Outcome outcome = decisions.decide(
                taskId(id),
                chosen,
                Forms.blankToNull(comment),
                signedIn.caller().actor());
        if (outcome instanceof TaskDecisions.Outcome.NotFound) {
            throw new PageNotFound("task " + id);
        }
        redirect.addFlashAttribute(
                "notice",
                outcome instanceof TaskDecisions.Outcome.NotOpen notOpen
                        ? "The task was already " + notOpen.task().status() + "; nothing changed."
                        : (chosen == Decision.APPROVE ? "Approved" : "Rejected") + "; the partner has been answered.");
        return "redirect:/portal/ops/tasks/" + id;
    }

    /** The same decision and comment for every selected task whose kind may be decided in bulk. */
    @PostMapping("/tasks/bulk")
    String bulk(
            @RequestParam(name = "task", required = false) List<String> ids,
            @RequestParam String decision,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Decision chosen = Forms.enumOrNull(Decision.class, decision);
        if (chosen == null || ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("problem", "Select tasks and choose approve or reject.");
            return "redirect:/portal/ops/tasks";
        }
        int decided = 0;
        var skipped = new ArrayList<String>();
        for (String id : ids) {
            var task = decisions.find(taskId(id));
            if (task.isEmpty() || !task.get().kind().bulkDecidable()) {
                skipped.add(id);
                continue;
            }
            if (decisions.decide(
                            task.get().id(),
                            chosen,
                            Forms.blankToNull(comment),
                            signedIn.caller().actor())
                    instanceof TaskDecisions.Outcome.Taken) {
                decided++;
            } else {
                skipped.add(id);
            }
        }
        redirect.addFlashAttribute(
                "notice",
                decided + " task(s) " + (chosen == Decision.APPROVE ? "approved" : "rejected")
                        + (skipped.isEmpty()
                                ? "."
                                : "; " + skipped.size() + " left alone (not open, or decided one by one)."));
        return "redirect:/portal/ops/tasks";
    }

    /** The header's live figures: open tasks and open SLA breaches, asked for every few seconds. */
    @GetMapping("/live")
    String live(Model model) {
        model.addAttribute(
                "openTasks",
                decisions
                        .list(new TaskQuery(TaskStatus.OPEN, null, null, null, Window.first(1)))
                        .total());
        model.addAttribute(
                "openBreaches",
                sla.openBreachCounts().stream()
                        .mapToLong(io.seamline.model.sla.BreachCount::count)
                        .sum());
        return "portal/ops/live :: live";
    }

    private static TaskId taskId(String id) {
        try {
            return new TaskId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("task " + id);
        }
    }
}
