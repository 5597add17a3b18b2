package io.seamline.gateway;

import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stopped and started again while a node on the local bus is taking and processing a burst: what it
 * had accepted is processed once when the database is back (messages caught mid-run stay RECEIVED and are swept back,
 * not marked FAILED), and what it could not accept is resent by the partner and decided once. The pipeline is held
 * mid-burst (BusCluster.holdMidBurst) so that the stop always catches some messages processed, some in a transaction,
 * some waiting, however fast the machine.
 */
class DatabaseRestartIT {

    @TempDir
    Path dir;

    @Test
    void postgresqlRestartedUnderLoadLosesNothingAndDecidesNothingTwice() throws Exception {
        var postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), 0, Duration.ofSeconds(60), "seamline");
        int port = postgres.port();
        try (var node = BusCluster.node(dir.resolve("node"), postgres.jdbcUrl("seamline"), postgres.user(), "", null)) {
            var sender = Executors.newSingleThreadExecutor();
            var burst = sender.submit(() -> new BusCluster(null, node).sendUntilAccepted("DR", 150, List.of(node)));
            var database = postgres.database("seamline");
            try (var held = new BusCluster(JdbcClient.create(database), node).holdMidBurst("DR", 150, database)) {
                // the transactions the hold stopped are caught mid-run
                postgres.close();
            }
            postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), port, Duration.ofSeconds(60), "seamline");
            Set<String> sent = burst.get(3, TimeUnit.MINUTES);
            sender.shutdown();

            new BusCluster(JdbcClient.create(postgres.database("seamline")), node).assertEachInterchangeOnce(sent);
        } finally {
            postgres.close();
        }
    }
}
