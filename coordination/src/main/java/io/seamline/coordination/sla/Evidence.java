package io.seamline.coordination.sla;

import io.seamline.adapters.persistence.Alerts;
import io.seamline.adapters.persistence.Expectations;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.sla.Expectation;
import io.seamline.model.timeline.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Chargeback evidence: for a breach (any expectation) or a disputed message, everything that shows what happened
 * and when: the messages with their timestamps, digests, control numbers and raw text, their acknowledgements and
 * deliveries (transport receipts), the decisions and the whole timeline of the subject, the alerts raised.
 */
@Service
public class Evidence {

    /** Raw text up to this size goes into the pack; larger documents are named by digest only. */
    static final int RAW_LIMIT = 64 * 1024;

    private final Expectations expectations;
    private final Messages messages;
    private final Outbox outbox;
    private final Alerts alerts;
    private final Timeline timeline;
    private final Clock clock;

    public Evidence(
            Expectations expectations,
            Messages messages,
            Outbox outbox,
            Alerts alerts,
            Timeline timeline,
            Clock clock) {
        this.expectations = expectations;
        this.messages = messages;
        this.outbox = outbox;
        this.alerts = alerts;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The pack of an expectation (a breach), for internal users. */
    public Optional<EvidencePack> ofExpectation(UUID id) {
        return expectations.find(id).map(expectation -> {
            var ids = new LinkedHashSet<MessageId>();
            addIfPresent(ids, expectation.openedBy());
            addIfPresent(ids, expectation.fulfilledBy());
            var entries = timeline.of(expectation.subject(), PartnerScope.everyone());
            entries.forEach(e -> addIfPresent(ids, e.messageId()));
            return new EvidencePack(
                    clock.instant(),
                    SlaMonitor.describe(expectation) + " (" + expectation.status() + ")",
                    about(expectation),
                    messages(ids, expectation.openedBy(), expectation.fulfilledBy()),
                    entries,
                    expectations.about(expectation.subject()),
                    alerts.of(expectation.id()).stream()
                            .map(a -> (Map<String, Object>) alert(a))
                            .toList());
        });
    }

    /** The pack of a message (a disputed document): it, its acknowledgement, its subject's history. */
    public Optional<EvidencePack> ofMessage(MessageId id) {
        return messages.find(id, PartnerScope.everyone()).map(message -> {
            var ids = new LinkedHashSet<MessageId>();
            ids.add(message.id());
            addIfPresent(ids, message.ackMessageId());
            addIfPresent(ids, message.relatedMessageId());
            var subject = messages.subjectOf(id).or(() -> outbox.subjectOf(id)).map(io.seamline.model.Subject::parse);
            List<TimelineEntry> entries =
                    subject.map(s -> timeline.of(s, PartnerScope.everyone())).orElse(List.of());
            List<Expectation> related = subject.map(expectations::about).orElse(List.of()).stream()
                    .filter(e -> id.equals(e.openedBy())
                            || id.equals(e.fulfilledBy())
                            || id.toString().equals(e.reference()))
                    .toList();
            var about = new LinkedHashMap<String, Object>();
            about.put("messageId", id.toString());
            subject.ifPresent(s -> about.put("subject", s.toString()));
            return new EvidencePack(
                    clock.instant(),
                    "Message " + message.documentType() + " " + message.direction() + " "
                            + (message.partnerId() == null ? "" : message.partnerId()),
                    about,
                    messages(ids, null, null),
                    entries,
                    related,
                    List.of());
        });
    }

    private static void addIfPresent(Set<MessageId> ids, MessageId id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static Map<String, Object> about(Expectation expectation) {
        var about = new LinkedHashMap<>(SlaMonitor.details(expectation));
        about.put("status", expectation.status().name());
        put(about, "warnedAt", expectation.warnedAt());
        put(about, "breachedAt", expectation.breachedAt());
        put(about, "escalatedAt", expectation.escalatedAt());
        put(about, "closedAt", expectation.closedAt());
        if (expectation.fulfilledBy() != null) {
            about.put("fulfilledBy", expectation.fulfilledBy().toString());
        }
        return about;
    }

    private List<Map<String, Object>> messages(Set<MessageId> ids, MessageId opened, MessageId fulfilled) {
        var seen = new LinkedHashSet<>(ids);
        var out = new ArrayList<Map<String, Object>>();
        for (MessageId id : ids) {
            messages.find(id, PartnerScope.everyone()).ifPresent(m -> {
                out.add(message(m, id.equals(opened) ? "opened" : id.equals(fulfilled) ? "fulfilled" : "related"));
                // acknowledgements of the messages in the pack belong to it
                if (m.ackMessageId() != null && seen.add(m.ackMessageId())) {
                    messages.find(m.ackMessageId(), PartnerScope.everyone())
                            .ifPresent(ack -> out.add(message(ack, "acknowledgement")));
                }
            });
        }
        return out;
    }

    private Map<String, Object> message(ArchivedMessage m, String role) {
        var map = new LinkedHashMap<String, Object>();
        map.put("role", role);
        map.put("messageId", m.id().toString());
        map.put("direction", m.direction().name());
        map.put("channel", m.channel().name());
        map.put("format", m.format().name());
        map.put("partnerId", m.partnerId() == null ? null : m.partnerId().value());
        map.put("documentType", m.documentType());
        map.put("status", m.status().name());
        map.put("statusReason", m.statusReason());
        map.put("receivedAt", m.receivedAt().toString());
        put(map, "processedAt", m.processedAt());
        map.put("sha256", m.sha256());
        map.put("sizeBytes", m.sizeBytes());
        map.put("interchangeControl", m.controlNumbers().interchange());
        map.put(
                "acknowledgedBy",
                m.ackMessageId() == null ? null : m.ackMessageId().toString());
        map.put(
                "deliveries",
                outbox.forMessage(m.id()).stream()
                        .map(d -> {
                            var delivery = new LinkedHashMap<String, Object>();
                            delivery.put("channel", d.channel().name());
                            delivery.put("target", d.target());
                            delivery.put("status", d.status().name());
                            delivery.put("attempts", d.attempts());
                            put(delivery, "deliveredAt", d.deliveredAt());
                            delivery.put("lastError", d.lastError());
                            return (Map<String, Object>) delivery;
                        })
                        .toList());
        if (m.format() != MessageFormat.MIME && m.sizeBytes() <= RAW_LIMIT) {
            messages.content(m.id(), PartnerScope.everyone())
                    .ifPresent(bytes -> map.put("raw", new String(bytes, StandardCharsets.UTF_8)));
        }
        return map;
    }

    private static Map<String, Object> alert(io.seamline.model.sla.Alert alert) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", alert.kind().name());
        map.put("channel", alert.channel().name());
        map.put("target", alert.target());
        map.put("status", alert.status().name());
        map.put("createdAt", alert.createdAt().toString());
        put(map, "sentAt", alert.sentAt());
        return map;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
