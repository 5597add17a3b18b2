package io.seamline.routes.replay;

import io.seamline.coordination.effects.RecordingEffects.Recorded;
import io.seamline.coordination.steps.Work;
import io.seamline.mappings.json.Json;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a replay found, document by document and in total: events that read differently, decisions that flip between
 * APPLY and TASK (with their inputs on both sides), answers that would differ, the autonomy rate with the
 * configuration in force and with the draft, invoice money inside and outside tolerance, and for an SLA draft the
 * expectations that would have been breached. Lists are capped; the totals count everything.
 */
final class ReplayReport {

    private static final int LISTED = 1_000;

    private int documents;
    private int events;
    private int eventsChanged;
    private int autonomousBefore;
    private int autonomousAfter;
    private int answersChanged;
    private int flips;
    private final List<Map<String, Object>> decisionsFlipped = new ArrayList<>();
    private final List<Map<String, Object>> eventChanges = new ArrayList<>();
    private final List<Map<String, Object>> answerChanges = new ArrayList<>();
    private final Map<String, Map<String, BigDecimal>> money = new LinkedHashMap<>();
    private final List<Map<String, Object>> failures = new ArrayList<>();
    private int expectations;
    private int breachedBefore;
    private int breachedAfter;
    private final Map<String, int[]> breachesByKind = new LinkedHashMap<>();

    /** One decision on one side: where, by which rule, about what, with which outcome and inputs. */
    record Decision(String subject, String rule, String about, String outcome, Object inputs) {

        /** Which decision of the other side it is: same subject, rule, PO line or invoice. */
        String key() {
            var in = inputs instanceof Map<?, ?> map ? map : Map.of();
            return subject + "|" + rule + "|" + in.get("poNumber") + "|" + in.get("lineNumber") + "|"
                    + in.get("invoiceNumber");
        }
    }

    /** What one event did on one side of the replay. */
    record Side(String event, List<Decision> decisions, boolean autonomous, List<String> answers, Money money) {

        /** An invoice's amount, and whether it would have passed without review. */
        record Money(String currency, BigDecimal amount, boolean inside) {}

        static Side of(Work work, List<Recorded> recorded, List<String> answers) {
            var decisions = new ArrayList<Decision>();
            for (Recorded r : recorded) {
                String subject = r.subject() == null ? null : r.subject().toString();
                if (r.effect().equals("decision")) {
                    decisions.add(new Decision(
                            subject,
                            String.valueOf(r.details().get("rule")),
                            about(r.details().get("about")),
                            String.valueOf(r.details().get("outcome")),
                            r.details().get("inputs")));
                } else if (r.effect().equals("decisions.applied")
                        && r.details().get("decisions") instanceof List<?> list) {
                    for (Object one : list) {
                        if (one instanceof Map<?, ?> d) {
                            decisions.add(new Decision(
                                    subject,
                                    String.valueOf(d.get("rule")),
                                    String.valueOf(d.get("about")),
                                    String.valueOf(d.get("outcome")),
                                    d.get("inputs")));
                        }
                    }
                }
            }
            boolean autonomous = recorded.stream().noneMatch(r -> r.effect().equals("task.opened"));
            Money money = null;
            if (work.event().data() instanceof InvoiceReceived invoice && invoice.total() != null) {
                boolean inside = autonomous
                        && decisions.stream()
                                .filter(d -> d.rule().startsWith("invoice."))
                                .allMatch(d -> d.outcome().equals("APPLY"));
                money = new Money(invoice.currency() == null ? "?" : invoice.currency(), invoice.total(), inside);
            }
            return new Side(Json.write(work.event().data()), decisions, autonomous, answers, money);
        }

        private static String about(Object step) {
            String text = String.valueOf(step);
            int at = text.lastIndexOf("decision:");
            return at < 0 ? text : text.substring(at + "decision:".length());
        }
    }

    void document(ArchivedMessage message, List<Side> before, List<Side> after) {
        documents++;
        if (before.size() != after.size()) {
            // the draft reads the document into another number of events
            eventsChanged += Math.abs(before.size() - after.size());
            list(
                    eventChanges,
                    Map.of(
                            "messageId", message.id().toString(),
                            "before", before.size() + " event(s)",
                            "after", after.size() + " event(s)"));
        }
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            Side was = before.get(i);
            Side would = after.get(i);
            events++;
            autonomousBefore += was.autonomous() ? 1 : 0;
            autonomousAfter += would.autonomous() ? 1 : 0;
            if (!was.event().equals(would.event())) {
                eventsChanged++;
                list(
                        eventChanges,
                        Map.of("messageId", message.id().toString(), "before", was.event(), "after", would.event()));
            }
            if (!was.answers().equals(would.answers())) {
                answersChanged++;
                list(
                        answerChanges,
                        Map.of(
                                "messageId",
                                message.id().toString(),
                                "before",
                                was.answers(),
                                "after",
                                would.answers()));
            }
            flips(message.id(), was.decisions(), would.decisions());
            money(was.money(), "Before");
            money(would.money(), "After");
            if (was.money() != null
                    && would.money() != null
                    && !was.money().inside()
                    && would.money().inside()) {
                money.get(would.money().currency())
                        .merge("paidWithoutReview", would.money().amount(), BigDecimal::add);
            }
        }
    }

    private void flips(MessageId message, List<Decision> before, List<Decision> after) {
        var byKey = new LinkedHashMap<String, Decision>();
        before.forEach(d -> byKey.putIfAbsent(d.key(), d));
        for (Decision would : after) {
            Decision was = byKey.get(would.key());
            if (was != null && !Objects.equals(was.outcome(), would.outcome())) {
                flips++;
                var flip = new LinkedHashMap<String, Object>();
                flip.put("messageId", message.toString());
                flip.put("subject", would.subject());
                flip.put("about", was.about());
                flip.put("rule", would.rule());
                flip.put("from", was.outcome());
                flip.put("to", would.outcome());
                flip.put("inputsBefore", was.inputs());
                flip.put("inputsAfter", would.inputs());
                list(decisionsFlipped, flip);
            }
        }
    }

    private void money(Side.Money side, String when) {
        if (side == null) {
            return;
        }
        money.computeIfAbsent(side.currency(), c -> new LinkedHashMap<>())
                .merge((side.inside() ? "inside" : "outside") + when, side.amount(), BigDecimal::add);
    }

    void expectation(String kind, boolean breachedNow, boolean breachedWithDraft) {
        expectations++;
        breachedBefore += breachedNow ? 1 : 0;
        breachedAfter += breachedWithDraft ? 1 : 0;
        int[] counts = breachesByKind.computeIfAbsent(kind, k -> new int[3]);
        counts[0]++;
        counts[1] += breachedNow ? 1 : 0;
        counts[2] += breachedWithDraft ? 1 : 0;
    }

    void failed(MessageId message, String why) {
        list(failures, Map.of("messageId", message.toString(), "error", why));
    }

    int documents() {
        return documents;
    }

    private static void list(List<Map<String, Object>> list, Map<String, Object> item) {
        if (list.size() < LISTED) {
            list.add(item);
        }
    }

    Map<String, Object> toMap() {
        var report = new LinkedHashMap<String, Object>();
        report.put("documents", documents);
        report.put("events", events);
        report.put("eventsChanged", eventsChanged);
        report.put("eventChanges", eventChanges);
        report.put("decisionsFlippedCount", flips);
        report.put("decisionsFlipped", decisionsFlipped);
        report.put("answersChanged", answersChanged);
        report.put("answerChanges", answerChanges);
        report.put("autonomousBefore", autonomousBefore);
        report.put("autonomousAfter", autonomousAfter);
        report.put("autonomyBefore", events == 0 ? null : (double) autonomousBefore / events);
        report.put("autonomyAfter", events == 0 ? null : (double) autonomousAfter / events);
        report.put("money", money);
        if (expectations > 0) {
            var sla = new LinkedHashMap<String, Object>();
            sla.put("expectations", expectations);
            sla.put("breachedBefore", breachedBefore);
            sla.put("breachedAfter", breachedAfter);
            var byKind = new LinkedHashMap<String, Object>();
            breachesByKind.forEach((kind, c) ->
                    byKind.put(kind, Map.of("expectations", c[0], "breachedBefore", c[1], "breachedAfter", c[2])));
            sla.put("byKind", byKind);
            report.put("sla", sla);
        }
        report.put("failures", failures);
        return report;
    }
}
