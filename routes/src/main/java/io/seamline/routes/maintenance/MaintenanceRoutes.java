package io.seamline.routes.maintenance;

import io.seamline.adapters.persistence.BlobMigration;
import io.seamline.adapters.persistence.Partitions;
import io.seamline.coordination.retention.Retention;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Housekeeping on timers, on every node: bytes archived before the blob store moved into it (soon after start, then
 * every ten minutes until none is left); the month partitions of the tables partitioned by time prepared ahead and
 * those tables' own statistics gathered, soon after start and then every hour; retention runs every {@code seamline.retention.every} when scheduled (a node whose
 * turn another node holds stops and tries again next time).
 */
@Component
class MaintenanceRoutes extends RouteBuilder {

    static final String BLOB_MIGRATION = "blob-migration";
    static final String RETENTION = "retention";
    static final String PARTITIONS = "partitions";

    private final Retention retention;
    private final Partitions partitions;
    private final Clock clock;

    public MaintenanceRoutes(Retention retention, Partitions partitions, Clock clock) {
        this.retention = retention;
        this.partitions = partitions;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + BLOB_MIGRATION + "?delay=5000&period=600000")
                .routeId(BLOB_MIGRATION)
                .bean(BlobMigration.class, "moveAll");
        from("timer:" + PARTITIONS + "?delay=1000&period=3600000")
                .routeId(PARTITIONS)
                .process(exchange -> partitions.prepare(clock.instant()))
                .process(exchange -> partitions.analyze());
        if (retention.settings().scheduled()) {
            from("timer:" + RETENTION + "?delay=60000&period="
                            + retention.settings().every().toMillis())
                    .routeId(RETENTION)
                    .process(exchange -> retention.run(Retention.SCHEDULE));
        }
    }
}
