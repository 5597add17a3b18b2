package io.seamline.routes.maintenance;

import io.seamline.adapters.persistence.BlobMigration;
import io.seamline.coordination.retention.Retention;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Housekeeping on timers, on every node: bytes archived before the blob store moved into it (soon after start, then
 * every ten minutes until none is left); retention runs every {@code seamline.retention.every} when scheduled (a
 * node whose turn another node holds stops and tries again next time).
 */
@Component
class MaintenanceRoutes extends RouteBuilder {

    static final String BLOB_MIGRATION = "blob-migration";
    static final String RETENTION = "retention";

    private final Retention retention;

    public MaintenanceRoutes(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void configure() {
        from("timer:" + BLOB_MIGRATION + "?delay=5000&period=600000")
                .routeId(BLOB_MIGRATION)
                .bean(BlobMigration.class, "moveAll");
        if (retention.settings().scheduled()) {
            from("timer:" + RETENTION + "?delay=60000&period="
                            + retention.settings().every().toMillis())
                    .routeId(RETENTION)
                    .process(exchange -> retention.run(Retention.SCHEDULE));
        }
    }
}
