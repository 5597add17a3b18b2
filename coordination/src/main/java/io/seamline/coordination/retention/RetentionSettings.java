package io.seamline.coordination.retention;

import io.seamline.model.retention.RetentionClass;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code seamline.retention}: how long each class is kept ({@code payloads} 180 days, {@code invoice-payloads} ten
 * years, {@code events}, {@code timeline}, {@code tasks}, {@code expectations} two years, {@code messages} ten years), per partner where contracts differ
 * ({@code partners.<id>.<class>}), whether runs are scheduled and how often, how many records one transaction
 * removes, and how long a blob no row names waits before it is deleted.
 */
@ConfigurationProperties("seamline.retention")
public record RetentionSettings(
        @DefaultValue("true") boolean scheduled,
        @DefaultValue("1h") Duration every,
        @DefaultValue("500") int batch,
        @DefaultValue("180d") Duration payloads,
        @DefaultValue("3650d") Duration invoicePayloads,
        @DefaultValue("730d") Duration events,
        @DefaultValue("730d") Duration timeline,
        @DefaultValue("730d") Duration tasks,
        @DefaultValue("730d") Duration expectations,
        @DefaultValue("3650d") Duration messages,
        @DefaultValue("1h") Duration blobGrace,
        Map<String, Map<String, Duration>> partners) {

    public RetentionSettings {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
        batch = batch <= 0 ? 500 : batch;
    }

    public Duration keep(RetentionClass kind) {
        return switch (kind) {
            case PAYLOADS -> payloads;
            case INVOICE_PAYLOADS -> invoicePayloads;
            case EVENTS -> events;
            case TIMELINE -> timeline;
            case TASKS -> tasks;
            case EXPECTATIONS -> expectations;
            case MESSAGES -> messages;
        };
    }

    /** The partners with a rule of their own for {@code kind}, and that rule. */
    public Map<String, Duration> partnerRules(RetentionClass kind) {
        var rules = new LinkedHashMap<String, Duration>();
        partners.forEach((partner, classes) -> {
            Duration own = classes.get(kind.key());
            if (own != null) {
                rules.put(partner, own);
            }
        });
        return rules;
    }

    /** Settings naming a class that does not exist are refused at start, not ignored. */
    void check() {
        partners.forEach((partner, classes) -> classes.keySet().forEach(key -> {
            if (RetentionClass.of(key).isEmpty()) {
                throw new IllegalStateException(
                        "seamline.retention.partners." + partner + "." + key
                                + " is not a retention class: use payloads, invoice-payloads, events, timeline, tasks, expectations or messages");
            }
        }));
    }
}
