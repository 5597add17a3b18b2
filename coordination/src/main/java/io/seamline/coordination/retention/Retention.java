package io.seamline.coordination.retention;

import io.seamline.adapters.persistence.Partitions;
import io.seamline.adapters.persistence.RetentionStore;
import io.seamline.adapters.persistence.RetentionStore.Scope;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.webhooks.OpsEvents;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.retention.RetentionClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: the rules in force, what a run would remove (a dry run), and runs. A run removes each class's records
 * older than its rule (a partner's own rule for its records) in transactions of {@code batch} records, one node at a
 * time, then deletes the blobs no message names any more; every run is audited with what it removed.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** The actor of scheduled runs. */
    public static final String SCHEDULE = "retention-schedule";

    private final RetentionSettings settings;
    private final RetentionStore store;
    private final TransactionTemplate transactions;
    private final Audit audit;
    private final Clock clock;
    private final OpsEvents ops;
    private final Partitions partitions;

    public Retention(
            RetentionSettings settings,
            RetentionStore store,
            Partitions partitions,
            TransactionTemplate transactions,
            Audit audit,
            Clock clock,
            OpsEvents ops) {
        this.ops = ops;
        this.partitions = partitions;
        this.settings = settings;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        settings.check();
    }

    /** One rule in force: a class, how long it is kept, and the partners that keep it for another period. */
    public record Rule(RetentionClass kind, Duration keep, Map<String, Duration> partners) {}

    /**
     * What a run removed (or a dry run would): per class; blobs deleted; the month partitions dropped, left empty;
     * whether another node had the turn.
     */
    public record Outcome(
            boolean dryRun,
            Map<String, Long> removed,
            long blobsDeleted,
            List<String> partitionsDropped,
            boolean busy) {}

    /**
     * How long an empty month partition stays after its month ended: a reprocessed message of last month still files
     * its events there.
     */
    static final Duration EMPTY_PARTITION_KEPT = Duration.ofDays(31);

    public List<Rule> rules() {
        return java.util.Arrays.stream(RetentionClass.values())
                .map(kind -> new Rule(kind, settings.keep(kind), settings.partnerRules(kind)))
                .toList();
    }

    public RetentionSettings settings() {
        return settings;
    }

    public Outcome dryRun() {
        Instant now = clock.instant();
        var counts = new LinkedHashMap<String, Long>();
        for (Rule rule : rules()) {
            long total = 0;
            for (var part : parts(rule, now)) {
                total += store.count(rule.kind(), part.cutoff(), part.scope());
            }
            counts.put(rule.kind().key(), total);
        }
        return new Outcome(true, counts, 0, List.of(), false);
    }

    /** Runs every rule to the end (or until another node takes the turn) and audits what went. */
    public Outcome run(String actor) {
        Instant now = clock.instant();
        var counts = new LinkedHashMap<String, Long>();
        boolean busy = false;
        for (Rule rule : rules()) {
            long total = 0;
            for (var part : parts(rule, now)) {
                while (!busy) {
                    Integer removed = transactions.execute(status -> store.takeTurn()
                            ? store.purge(
                                    rule.kind(), part.cutoff(), part.scope(), settings.batch(), now, part.name(), actor)
                            : -1);
                    if (removed == null || removed < 0) {
                        busy = true;
                    } else if (removed == 0) {
                        break;
                    } else {
                        total += removed;
                    }
                }
            }
            counts.put(rule.kind().key(), total);
        }
        long blobs = 0;
        Instant grace = now.minus(settings.blobGrace());
        while (!busy) {
            Integer deleted = transactions.execute(
                    status -> store.takeTurn() ? store.collectGarbage(grace, settings.batch()) : -1);
            if (deleted == null || deleted <= 0) {
                busy = deleted != null && deleted < 0;
                break;
            }
            blobs += deleted;
        }
        List<String> dropped = List.of();
        if (!busy) {
            // a transaction of its own: it may wait a moment for each table's lock, and gives up after that
            dropped = transactions.execute(status ->
                    store.takeTurn() ? partitions.dropEmpty(now.minus(EMPTY_PARTITION_KEPT)) : List.<String>of());
        }
        var outcome = new Outcome(false, counts, blobs, dropped, busy);
        if (blobs > 0
                || !dropped.isEmpty()
                || counts.values().stream().anyMatch(c -> c > 0)
                || !SCHEDULE.equals(actor)) {
            audit.record(actor, AuditKind.RETENTION_RUN, null, "retention", null, outcome, null);
            String summary = "retention run by " + actor + " removed " + counts + " and " + blobs + " blobs"
                    + (dropped.isEmpty() ? "" : "; dropped the empty partitions " + dropped);
            Map<String, Object> data =
                    Map.of("removed", counts, "blobsDeleted", blobs, "partitionsDropped", dropped, "actor", actor);
            transactions.executeWithoutResult(
                    status -> ops.publish(OpsEvents.RETENTION_FINISHED, null, "retention:" + now, summary, data));
            LOG.info(
                    "Retention removed {} and {} blobs, dropped partitions {}{}",
                    counts,
                    blobs,
                    dropped,
                    busy ? " (another node has the turn)" : "");
        }
        return outcome;
    }

    /** A rule applied to some partners: everyone's but those with their own rule, then each of those. */
    private record Part(String name, Instant cutoff, Scope scope) {}

    private List<Part> parts(Rule rule, Instant now) {
        var parts = new java.util.ArrayList<Part>();
        List<PartnerId> own =
                rule.partners().keySet().stream().map(PartnerId::of).toList();
        parts.add(new Part(
                "retention:" + rule.kind().key() + ":" + days(rule.keep()),
                now.minus(rule.keep()),
                Scope.everyoneBut(own)));
        rule.partners()
                .forEach((partner, keep) -> parts.add(new Part(
                        "retention:" + rule.kind().key() + ":" + days(keep) + ":partner/" + partner,
                        now.minus(keep),
                        Scope.only(PartnerId.of(partner)))));
        return parts;
    }

    private static String days(Duration keep) {
        return keep.toDays() > 0 && keep.toDaysPart() * 86_400 == keep.toSeconds()
                ? keep.toDays() + "d"
                : keep.toString();
    }
}
