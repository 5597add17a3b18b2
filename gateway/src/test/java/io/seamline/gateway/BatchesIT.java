package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.steps.Claimed;
import io.seamline.routes.pipeline.InboundRoutes;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages that wait on a lane are processed together, in one transaction and in the order they came; a message that
 * throws inside a batch is the only one that fails: the batch is rolled back and its messages run one at a time.
 */
class BatchesIT extends PipelineGatewayIT {

    /** A message whose bytes carry this throws in the pipeline (see {@link #aMessageCanBeMadeToThrow}). */
    private static final String POISON = "POISON-FOR-THE-TEST";

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcClient jdbc;

    private static boolean advised;

    @BeforeAll
    static void reset() {
        advised = false;
    }

    private void aMessageCanBeMadeToThrow() throws Exception {
        if (advised) {
            return;
        }
        AdviceWith.adviceWith(
                camel, InboundRoutes.STEPS, route -> route.weaveAddFirst().process(exchange -> {
                    Claimed claimed = exchange.getMessage().getBody(Claimed.class);
                    if (new String(claimed.content(), StandardCharsets.US_ASCII).contains(POISON)) {
                        throw new IllegalStateException("poisoned for the test");
                    }
                }));
        advised = true;
    }

    private static String po() {
        return "45" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
    }

    /** An 855 promising the PO's one line on {@code promised}, with {@code reference} as the supplier's order. */
    private static String acknowledgement(String po, LocalDate promised, String reference) {
        return x12(
                "ZZ",
                "ACMESUPPLY",
                "PR",
                control(),
                "855",
                "BAK*00*AC*" + po + "*" + edi(today()) + "****" + reference,
                "PO1*1*10*EA*2.50**BP*WID-100*VP*AC-W100",
                "ACK*IA*10*EA*068*" + edi(promised),
                "CTT*1");
    }

    /** The route of the lane a PO's messages take. */
    private static String laneOf(String po) {
        return InboundRoutes.PIPELINE + "-" + Math.floorMod(("po/" + po).hashCode(), 2);
    }

    /** Queues the interchanges on their lane while it stands still, then lets it take them at once. */
    private List<String> whileTheLaneWaits(String po, String... interchanges) throws Exception {
        var ids = new ArrayList<String>();
        camel.getRouteController().stopRoute(laneOf(po));
        try {
            for (String interchange : interchanges) {
                var response = postEdi(OPS, interchange);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                ids.add(json(response).path("messageId").asText());
            }
        } finally {
            camel.getRouteController().startRoute(laneOf(po));
        }
        ids.forEach(this::awaitEnd);
        return ids;
    }

    /** The transaction that last wrote the message's row. */
    private String writtenBy(String messageId) {
        return jdbc.sql("select xmin::text from message where id = cast(:id as uuid)")
                .param("id", messageId)
                .query(String.class)
                .single();
    }

    private String promisedDate(String po) {
        return json(get("/api/v1/purchase-orders/" + po, OPS))
                .path("lines")
                .get(0)
                .path("promisedDate")
                .asText();
    }

    @Test
    void messagesWaitingOnALaneAreProcessedInOneTransactionInTheOrderTheyCame() throws Exception {
        String po = po();
        importOrder(po, "acme-supply");

        List<String> ids = whileTheLaneWaits(
                po,
                acknowledgement(po, today().plusDays(5), "SO-1"),
                acknowledgement(po, today().plusDays(6), "SO-2"),
                acknowledgement(po, today().plusDays(7), "SO-3"));

        for (String id : ids) {
            assertThat(json(get("/api/v1/messages/" + id, OPS)).path("status").asText())
                    .isEqualTo("PROCESSED");
        }
        assertThat(ids.stream().map(this::writtenBy).distinct())
                .as("one transaction wrote all three")
                .hasSize(1);
        assertThat(promisedDate(po))
                .as("the last one came last")
                .isEqualTo(today().plusDays(7).toString());
    }

    @Test
    void aMessageThatThrowsInABatchFailsAloneAndTheOthersAreProcessed() throws Exception {
        aMessageCanBeMadeToThrow();
        String po = po();
        importOrder(po, "acme-supply");

        List<String> ids = whileTheLaneWaits(
                po,
                acknowledgement(po, today().plusDays(5), "SO-1"),
                acknowledgement(po, today().plusDays(6), POISON),
                acknowledgement(po, today().plusDays(7), "SO-3"));

        JsonNode poisoned = json(get("/api/v1/messages/" + ids.get(1), OPS));
        assertThat(poisoned.path("status").asText()).isEqualTo("FAILED");
        assertThat(poisoned.path("statusReason").asText()).contains("poisoned for the test");
        assertThat(json(get("/api/v1/messages/" + ids.get(0), OPS))
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        assertThat(json(get("/api/v1/messages/" + ids.get(2), OPS))
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        assertThat(writtenBy(ids.get(0)))
                .as("the batch was rolled back and its messages run one at a time")
                .isNotEqualTo(writtenBy(ids.get(2)));
        assertThat(promisedDate(po)).isEqualTo(today().plusDays(7).toString());
    }
}
