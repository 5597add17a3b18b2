package io.seamline.routes.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.delivery.DeliverySettings;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.HeldDocument;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox poller on the real database and a real folder. */
@SpringBootTest
class DeliveriesIT {

    @Autowired
    Deliveries deliveries;

    @Autowired
    Outbox outbox;

    @Autowired
    DeliverySettings settings;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CamelContext camel;

    @Autowired
    Clock clock;

    @TempDir
    Path folder;

    @BeforeEach
    void pollerStopped() throws Exception {
        // the test is the only poller, so what one poll does is what the test sees
        camel.getRouteController().stopRoute(OutboxRoute.ROUTE_ID);
    }

    @AfterEach
    void pollerRunning() throws Exception {
        camel.getRouteController().startRoute(OutboxRoute.ROUTE_ID);
    }

    @Test
    void onePollDeliversABacklogOfSeveralBatchesNotOneBatch() throws Exception {
        int backlog = settings.batch() * 2 + 20;
        List<UUID> queued = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < backlog; i++) {
                UUID id = TimeOrderedIds.at(clock.instant());
                MessageId document = new MessageId(TimeOrderedIds.at(clock.instant()));
                outbox.hold(
                        new OutboundDelivery(
                                id,
                                document,
                                null,
                                ChannelKind.FILE,
                                folder.toString(),
                                DeliveryStatus.PENDING,
                                0,
                                clock.instant(),
                                null,
                                clock.instant(),
                                null,
                                null),
                        new HeldDocument("application/json", "backlog-" + i + ".json", "commitment.applied", null),
                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                        "deliveries-it:" + id);
                queued.add(id);
            }
        });

        int attempted = deliveries.deliverAllDue();

        assertThat(attempted).isGreaterThanOrEqualTo(backlog);
        assertThat(queued)
                .allSatisfy(
                        id -> assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("backlog-")))
                    .hasSize(backlog);
        }
        assertThat(Files.readString(folder.resolve("backlog-7.json"))).isEqualTo("{\"n\":7}");
    }

    @Test
    void aPollWithNothingDueDeliversNothing() {
        deliveries.deliverAllDue();

        assertThat(deliveries.deliverAllDue()).isZero();
    }
}
