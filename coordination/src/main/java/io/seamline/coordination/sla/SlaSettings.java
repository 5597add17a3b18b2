package io.seamline.coordination.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.sla}: how often the ledger is scanned ({@code scan-period}, the first scan {@code scan-delay} after
 * start), how often the scorecard gauges are recomputed ({@code scorecard-refresh}), the defaults every partner's SLA
 * profile starts from ({@code defaults}, same keys as a partner's {@code sla}), and where internal alerts go
 * ({@code alerts}).
 */
@ConfigurationProperties("seamline.sla")
public record SlaSettings(
        Duration scanPeriod,
        Duration scanDelay,
        Duration scorecardRefresh,
        int batch,
        Map<String, String> defaults,
        Alerts alerts) {

    public SlaSettings {
        scanPeriod = scanPeriod == null ? Duration.ofSeconds(60) : scanPeriod;
        scanDelay = scanDelay == null ? Duration.ofSeconds(5) : scanDelay;
        scorecardRefresh = scorecardRefresh == null ? Duration.ofMinutes(5) : scorecardRefresh;
        batch = batch <= 0 ? 200 : batch;
        defaults = Map.copyOf(defaults == null ? Map.of() : defaults);
        alerts = alerts == null ? new Alerts(null, null, null, null) : alerts;
        List<String> problems = SlaProfile.problems(defaults);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("seamline.sla.defaults: " + problems);
        }
    }

    /**
     * Internal alerts: mail addresses ({@code emails}), a webhook URL ({@code webhook}), the mail sender ({@code
     * from}) and how often pending alerts are sent ({@code poll}).
     */
    public record Alerts(List<String> emails, String webhook, String from, Duration poll) {

        public Alerts {
            emails = List.copyOf(emails == null ? List.of() : emails);
            webhook = webhook == null || webhook.isBlank() ? null : webhook.trim();
            from = from == null || from.isBlank() ? "sla@seamline.example" : from.trim();
            poll = poll == null ? Duration.ofSeconds(5) : poll;
        }
    }
}
