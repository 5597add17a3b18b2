package io.seamline.coordination.lifecycle;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.effects.RecordingEffects;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.model.message.MessageId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The runs of test events in the current transaction: each test event gets the recording side of the effects port,
 * and what it matched and would have answered are kept with what it would have done, until its message completes and
 * is graded. Kept with the transaction (a batch holds several messages); a rolled-back transaction leaves nothing.
 */
@Component
public class TestRuns {

    /** One test event's run. */
    public static final class Entry {

        private final Work work;
        private final RecordingEffects effects = new RecordingEffects();
        private Correlation correlation;

        Entry(Work work) {
            this.work = work;
        }

        public Work work() {
            return work;
        }

        public RecordingEffects effects() {
            return effects;
        }

        /** What the event matched, once correlated (null before). */
        public Correlation correlation() {
            return correlation;
        }
    }

    /** The test events of one message, in order. */
    public record Run(MessageId message, List<Entry> entries) {

        public Run {
            entries = List.copyOf(entries);
        }

        /** Everything the message's test events would have done, in order. */
        public List<RecordingEffects.Recorded> wouldHave() {
            var all = new ArrayList<RecordingEffects.Recorded>();
            entries.forEach(e -> all.addAll(e.effects().recorded()));
            return all;
        }

        /** The same, as data: {@code effect}, {@code subject} ({@code po/4500012345}), {@code summary}, {@code details}. */
        public List<Map<String, Object>> wouldHaveAsData() {
            return wouldHave().stream()
                    .map(r -> {
                        var one = new LinkedHashMap<String, Object>();
                        one.put("effect", r.effect());
                        one.put(
                                "subject",
                                r.subject() == null ? null : r.subject().toString());
                        one.put("summary", r.summary());
                        one.put("details", r.details());
                        return (Map<String, Object>) one;
                    })
                    .toList();
        }
    }

    /** The recording effects port of a test event. */
    public Effects effectsOf(Work work) {
        return entry(work).effects;
    }

    /** What a test event matched. */
    public void correlated(Work work, Correlation correlation) {
        entry(work).correlation = correlation;
    }

    /** An answer a test event would have sent. */
    public void answered(Work work, Response response) {
        entry(work).effects.answered(response);
    }

    /** The run of a message's test events, taken: it is graded once. */
    public Optional<Run> take(MessageId message) {
        Map<UUID, Entry> entries = runs().remove(message);
        return entries == null ? Optional.empty() : Optional.of(new Run(message, new ArrayList<>(entries.values())));
    }

    private Entry entry(Work work) {
        return runs().computeIfAbsent(work.message().id(), id -> new LinkedHashMap<>())
                .computeIfAbsent(work.eventId(), id -> new Entry(work));
    }

    @SuppressWarnings("unchecked")
    private Map<MessageId, Map<UUID, Entry>> runs() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("test events run inside the message's transaction");
        }
        var runs = (Map<MessageId, Map<UUID, Entry>>) TransactionSynchronizationManager.getResource(this);
        if (runs == null) {
            Map<MessageId, Map<UUID, Entry>> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TestRuns.this);
                }
            });
            runs = created;
        }
        return runs;
    }
}
