package io.seamline.routes.maintenance;

import io.seamline.adapters.persistence.BlobMigration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Moves bytes archived before the blob store into it: soon after start, then every ten minutes until none is left. */
@Component
class MaintenanceRoutes extends RouteBuilder {

    static final String BLOB_MIGRATION = "blob-migration";

    @Override
    public void configure() {
        from("timer:" + BLOB_MIGRATION + "?delay=5000&period=600000")
                .routeId(BLOB_MIGRATION)
                .bean(BlobMigration.class, "moveAll");
    }
}
