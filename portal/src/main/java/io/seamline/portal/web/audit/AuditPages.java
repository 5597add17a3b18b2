package io.seamline.portal.web.audit;

import io.seamline.coordination.audit.Audit;
import io.seamline.model.Page;
import io.seamline.model.Window;
import io.seamline.model.audit.AuditEntry;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.audit.AuditQuery;
import io.seamline.model.partner.PartnerId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for admins: filtered, newest first, and exported as CSV for auditors. */
@Controller
class AuditPages {

    private static final int PAGE = 100;

    private final Audit audit;

    AuditPages(Audit audit) {
        this.audit = audit;
    }

    @GetMapping("/portal/ops/audit")
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        AuditQuery query = query(actor, partnerId, kind, from, to, new Window(PAGE, Math.max(0, offset)));
        Page<AuditEntry> page = audit.list(query);
        model.addAttribute("page", page);
        model.addAttribute("entries", page.items());
        model.addAttribute("kinds", List.of(AuditKind.values()));
        model.addAttribute("filter", new Filter(actor, partnerId, kind, from, to));
        return "portal/ops/audit";
    }

    @GetMapping(path = "/portal/ops/audit.csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        byte[] csv = Audit.csv(audit.export(query(actor, partnerId, kind, from, to, Window.first(1))));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"seamline-audit.csv\"")
                .body(csv);
    }

    /** What the filters were, to show them again. */
    record Filter(String actor, String partnerId, String kind, String from, String to) {}

    private static AuditQuery query(
            String actor, String partnerId, String kind, String from, String to, Window window) {
        AuditKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = AuditKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                k = null;
            }
        }
        return new AuditQuery(
                actor == null || actor.isBlank() ? null : actor.trim(),
                partnerId != null && PartnerId.isValid(partnerId.trim()) ? PartnerId.of(partnerId.trim()) : null,
                k,
                day(from, 0),
                day(to, 1),
                window);
    }

    /** A day from the form ({@code 2026-12-01}) as the start of that day, or of the next. */
    private static Instant day(String value, int plus) {
        try {
            return value == null || value.isBlank()
                    ? null
                    : LocalDate.parse(value.trim())
                            .plusDays(plus)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
