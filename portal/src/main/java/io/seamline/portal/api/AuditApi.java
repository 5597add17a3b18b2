package io.seamline.portal.api;

import io.seamline.coordination.audit.Audit;
import io.seamline.mappings.json.Json;
import io.seamline.model.Page;
import io.seamline.model.Window;
import io.seamline.model.audit.AuditEntry;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.audit.AuditQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code GET /audit}: the audit trail (ADMIN), filtered by actor, partner, kind and time, newest first; with
 * {@code format=csv} or {@code format=json} the whole selection as a file for auditors.
 */
@Component
class AuditApi {

    private final Audit audit;

    public AuditApi(Audit audit) {
        this.audit = audit;
    }

    /** One entry as the API shows it. */
    record AuditView(
            long id,
            Instant at,
            String actor,
            String via,
            String kind,
            String partnerId,
            String subject,
            Object before,
            Object after,
            String reason) {

        static AuditView of(AuditEntry e) {
            return new AuditView(
                    e.id(),
                    e.at(),
                    e.actor(),
                    e.via(),
                    e.kind().name(),
                    e.partner() == null ? null : e.partner().value(),
                    e.subject(),
                    e.before(),
                    e.after(),
                    e.reason());
        }
    }

    record AuditPage(List<AuditView> items, long total, int limit, int offset) {}

    public Reply list(ApiRequest request) {
        String format = request.queryParam("format").orElse("");
        if (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json")) {
            return export(request, format.equalsIgnoreCase("csv"));
        }
        if (!format.isEmpty()) {
            throw ApiProblem.badRequest("format", "is csv or json (an export), or absent (a page)");
        }
        Page<AuditEntry> page = audit.list(query(request, Queries.window(request)));
        return Reply.ok(Pages.of(page.map(AuditView::of), AuditPage::new));
    }

    private Reply export(ApiRequest request, boolean csv) {
        var entries = audit.export(query(request, Window.first(1)));
        byte[] body = csv
                ? Audit.csv(entries)
                : Json.write(entries.stream().map(AuditView::of).toList()).getBytes(StandardCharsets.UTF_8);
        return Reply.bytes(
                body,
                csv ? "text/csv; charset=utf-8" : "application/json",
                Map.of(
                        "Content-Disposition",
                        "attachment; filename=\"seamline-audit." + (csv ? "csv" : "json") + "\"",
                        "X-Content-Type-Options",
                        "nosniff"));
    }

    private static AuditQuery query(ApiRequest request, Window window) {
        String actor = request.queryParam("actor").orElse(null);
        return new AuditQuery(
                actor,
                Queries.partnerId(request, "partnerId"),
                Queries.enumeration(request, "kind", AuditKind.class),
                Queries.instant(request, "from"),
                Queries.instant(request, "to"),
                window);
    }
}
