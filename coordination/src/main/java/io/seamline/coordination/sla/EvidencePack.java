package io.seamline.coordination.sla;

import io.seamline.model.sla.Expectation;
import io.seamline.model.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Evidence for a breach or a disputed document: what it is about, the messages (with raw text, digests,
 * acknowledgements and deliveries), the timeline with its decisions, the expectations and the alerts.
 */
public record EvidencePack(
        Instant generatedAt,
        String title,
        Map<String, Object> about,
        List<Map<String, Object>> messages,
        List<TimelineEntry> timeline,
        List<Expectation> expectations,
        List<Map<String, Object>> alerts) {

    public EvidencePack {
        about = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(about));
        messages = List.copyOf(messages);
        timeline = List.copyOf(timeline);
        expectations = List.copyOf(expectations);
        alerts = List.copyOf(alerts);
    }

    /** The decisions on the timeline: each with its rule, inputs and rationale. */
    public List<TimelineEntry> decisions() {
        return timeline.stream()
                .filter(e -> e.kind() == io.seamline.model.timeline.TimelineKind.DECISION)
                .toList();
    }

    /** A readable, self-contained HTML page of the pack (printable to PDF from any browser). */
    public String html() {
        var h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence: ")
                .append(esc(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;color:#111}"
                        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;"
                        + "padding:.25em .5em;text-align:left;vertical-align:top}th{background:#eee}"
                        + "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all}"
                        + "</style></head><body>\n");
        h.append("<h1>Evidence: ").append(esc(title)).append("</h1>\n");
        h.append("<p>Generated ").append(esc(generatedAt.toString())).append(" by Seamline.</p>\n");
        h.append("<h2>About</h2>\n").append(table(about));
        h.append("<h2>Messages</h2>\n");
        for (Map<String, Object> message : messages) {
            h.append("<h3>")
                    .append(esc(String.valueOf(message.get("role"))))
                    .append(": ")
                    .append(esc(String.valueOf(message.get("documentType"))))
                    .append(" ")
                    .append(esc(String.valueOf(message.get("direction"))))
                    .append("</h3>\n");
            var fields = new java.util.LinkedHashMap<>(message);
            Object raw = fields.remove("raw");
            h.append(table(fields));
            if (raw != null) {
                h.append("<pre>").append(esc(raw.toString())).append("</pre>\n");
            }
        }
        h.append("<h2>Decisions</h2>\n");
        h.append(entries(decisions()));
        h.append("<h2>Timeline</h2>\n");
        h.append(entries(timeline));
        h.append("<h2>Expectations</h2>\n<table><tr><th>kind</th><th>status</th><th>opened</th><th>due</th>"
                + "<th>closed</th><th>breached</th></tr>\n");
        for (Expectation e : expectations) {
            h.append("<tr><td>")
                    .append(esc(e.kind()))
                    .append("</td><td>")
                    .append(esc(e.status().name()))
                    .append("</td><td>")
                    .append(esc(String.valueOf(e.openedAt())))
                    .append("</td><td>")
                    .append(esc(String.valueOf(e.dueAt())))
                    .append("</td><td>")
                    .append(esc(e.closedAt() == null ? "" : e.closedAt().toString()))
                    .append("</td><td>")
                    .append(esc(e.breachedAt() == null ? "" : e.breachedAt().toString()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Alerts</h2>\n");
        for (Map<String, Object> alert : alerts) {
            h.append(table(alert));
        }
        return h.append("</body></html>\n").toString();
    }

    private static String entries(List<TimelineEntry> entries) {
        var h = new StringBuilder(
                "<table><tr><th>at</th><th>kind</th><th>summary</th><th>actor</th><th>details</th>" + "</tr>\n");
        for (TimelineEntry e : entries) {
            h.append("<tr><td>")
                    .append(esc(e.at().toString()))
                    .append("</td><td>")
                    .append(esc(e.kind().name()))
                    .append("</td><td>")
                    .append(esc(e.summary()))
                    .append("</td><td>")
                    .append(esc(e.actor()))
                    .append("</td><td>")
                    .append(esc(String.valueOf(e.details())))
                    .append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    private static String table(Map<String, ?> fields) {
        var h = new StringBuilder("<table>\n");
        fields.forEach((k, v) -> h.append("<tr><th>")
                .append(esc(k))
                .append("</th><td>")
                .append(esc(v == null ? "" : String.valueOf(v)))
                .append("</td></tr>\n"));
        return h.append("</table>\n").toString();
    }

    static String esc(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
