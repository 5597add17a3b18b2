package io.seamline.coordination.audit;

import io.seamline.adapters.persistence.AuditTrail;
import io.seamline.model.Page;
import io.seamline.model.audit.AuditEntry;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.audit.AuditQuery;
import io.seamline.model.partner.PartnerId;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Records every change made by a person or a system account in the append-only audit trail, in the transaction of
 * the change: who, when, from where, what (before and after, secrets masked by the caller), why.
 */
@Service
public class Audit {

    /** Where a change came from when no door says. */
    private static final String SYSTEM = "SYSTEM";

    private final AuditTrail trail;
    private final ObjectProvider<Origin> origin;
    private final Clock clock;

    public Audit(AuditTrail trail, ObjectProvider<Origin> origin, Clock clock) {
        this.trail = trail;
        this.origin = origin;
        this.clock = clock;
    }

    /** A change, as one entry; {@code before} and {@code after} are values Jackson writes (records, maps). */
    public void record(
            String actor,
            AuditKind kind,
            PartnerId partner,
            String subject,
            Object before,
            Object after,
            String reason) {
        trail.append(new AuditEntry(
                0,
                clock.instant(),
                actor == null || actor.isBlank() ? SYSTEM : actor,
                via(),
                kind,
                partner,
                subject,
                before,
                after,
                reason == null || reason.isBlank() ? null : reason.trim()));
    }

    /** The same, from a door that knows where it came from ({@code FILE} for a folder, for instance). */
    public void recordVia(
            String via,
            String actor,
            AuditKind kind,
            PartnerId partner,
            String subject,
            Object before,
            Object after,
            String reason) {
        trail.append(new AuditEntry(0, clock.instant(), actor, via, kind, partner, subject, before, after, reason));
    }

    public Page<AuditEntry> list(AuditQuery query) {
        return trail.list(query);
    }

    /** The most entries one export holds; narrow the period for more. */
    public static final int EXPORT_LIMIT = 100_000;

    /** Every entry the query's filters select (its window ignored), newest first, up to {@link #EXPORT_LIMIT}. */
    public java.util.List<AuditEntry> export(AuditQuery filters) {
        var entries = new java.util.ArrayList<AuditEntry>();
        for (int offset = 0; offset < EXPORT_LIMIT; offset += io.seamline.model.Window.MAX_LIMIT) {
            Page<AuditEntry> page = trail.list(new AuditQuery(
                    filters.actor(),
                    filters.partner(),
                    filters.kind(),
                    filters.from(),
                    filters.to(),
                    new io.seamline.model.Window(io.seamline.model.Window.MAX_LIMIT, offset)));
            entries.addAll(page.items());
            if (page.items().size() < io.seamline.model.Window.MAX_LIMIT) {
                break;
            }
        }
        return entries;
    }

    /**
     * Entries as RFC 4180 CSV for auditors: id, at, actor, via, kind, partnerId, subject, before and after (JSON),
     * reason. A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
     */
    public static byte[] csv(java.util.List<AuditEntry> entries) {
        var out = new StringBuilder("id,at,actor,via,kind,partnerId,subject,before,after,reason\r\n");
        for (AuditEntry e : entries) {
            out.append(e.id());
            for (String cell : java.util.Arrays.asList(
                    e.at().toString(),
                    e.actor(),
                    e.via(),
                    e.kind().name(),
                    e.partner() == null ? null : e.partner().value(),
                    e.subject(),
                    e.before() == null ? null : io.seamline.mappings.json.Json.write(e.before()),
                    e.after() == null ? null : io.seamline.mappings.json.Json.write(e.after()),
                    e.reason())) {
                out.append(',').append(cell(cell));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private String via() {
        Origin door = origin.getIfAvailable();
        String via = door == null ? null : door.via();
        return via == null ? SYSTEM : via;
    }
}
