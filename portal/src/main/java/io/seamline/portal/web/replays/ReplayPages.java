package io.seamline.portal.web.replays;

import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.mappings.json.Json;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.replay.ReplayRun;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.replay.Replays;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Replays in the portal: ops try a draft policy or SLA profile on a partner's (or every partner's) archived traffic
 * and read the report — the decisions that flip with their inputs on both sides, autonomy before and after, money.
 */
@Controller
class ReplayPages {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Replays replays;
    private final SignedIn signedIn;

    ReplayPages(Replays replays, SignedIn signedIn) {
        this.replays = replays;
        this.signedIn = signedIn;
    }

    @GetMapping("/portal/ops/replays")
    String list(Model model) {
        model.addAttribute("replays", replays.recent(50));
        model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
        return "portal/ops/replays";
    }

    @PostMapping("/portal/ops/replays")
    String start(
            @RequestParam(required = false) String partnerId,
            @RequestParam(defaultValue = "defaults") String scope,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "{}") String policy,
            @RequestParam(defaultValue = "{}") String sla,
            RedirectAttributes redirect) {
        Replays.Request request;
        try {
            boolean forPartner = partnerId != null && !partnerId.isBlank();
            request = new Replays.Request(
                    forPartner ? "partner" : scope.trim(),
                    forPartner && PartnerId.isValid(partnerId.trim()) ? PartnerId.of(partnerId.trim()) : null,
                    LocalDate.parse(from).atStartOfDay().toInstant(ZoneOffset.UTC),
                    LocalDate.parse(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    texts(policy),
                    texts(sla));
        } catch (IOException | RuntimeException e) {
            redirect.addFlashAttribute("problem", "The draft is not readable: " + e.getMessage());
            return "redirect:/portal/ops/replays";
        }
        Replays.Started started = replays.start(request, signedIn.caller().actor());
        if (started instanceof Replays.Started.Refused refused) {
            redirect.addFlashAttribute(
                    "problem",
                    refused.problems().stream()
                            .map(p -> p.location() + ": " + p.message())
                            .toList()
                            .toString());
            return "redirect:/portal/ops/replays";
        }
        return "redirect:/portal/ops/replays/" + ((Replays.Started.Running) started).id();
    }

    @GetMapping("/portal/ops/replays/{id}")
    String one(@PathVariable String id, Model model) {
        ReplayRun run;
        try {
            run = replays.find(UUID.fromString(id)).orElseThrow(() -> new PageNotFound("replay " + id));
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("replay " + id);
        }
        model.addAttribute("run", run);
        model.addAttribute("report", read(run.report()));
        model.addAttribute("draft", run.draft());
        model.addAttribute("at", Instant.now());
        return "portal/ops/replay";
    }

    @PostMapping("/portal/ops/replays/{id}/cancel")
    String cancel(@PathVariable String id) {
        try {
            replays.cancel(UUID.fromString(id), signedIn.caller().actor());
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("replay " + id);
        }
        return "redirect:/portal/ops/replays/" + id;
    }

    private static Map<String, String> texts(String json) throws IOException {
        var values = new LinkedHashMap<String, String>();
        Json.mapper()
                .readValue(json.isBlank() ? "{}" : json, MAP)
                .forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
        return values;
    }

    private static Map<String, Object> read(String json) {
        try {
            return json == null ? null : Json.mapper().readValue(json, MAP);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
