package io.seamline.routes.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two nodes (two Camel contexts, each with its own {@link MailboxTurns}, on one PostgreSQL) poll the same GreenMail
 * mailbox the way a mailbox route does: unseen mails, read without marking them, marked seen once handled. Each mail
 * is handled once, by whichever node had the turn.
 */
@SpringBootTest
class MailboxTurnsIT {

    static final GreenMail MAIL = start();

    private static GreenMail start() {
        var mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("orders@seamline.example", "orders", "secret");
        return mail;
    }

    @Autowired
    DataSource dataSource;

    private final List<CamelContext> nodes = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(CamelContext::stop);
    }

    @Test
    void twoNodesPollingOneMailboxHandleEachMailOnce() throws Exception {
        int mails = 40;
        for (int i = 0; i < mails; i++) {
            deliver(i);
        }
        var handled = new CopyOnWriteArrayList<String>();
        var byNode = new CopyOnWriteArrayList<String>();

        node("node-a", handled, byNode);
        node("node-b", handled, byNode);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> handled.stream().distinct().count() == mails);
        // polls run every 20 ms: a second copy of any mail would show up within half a second
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(handled)
                .as("each mail handled once")
                .hasSize(mails)
                .doesNotHaveDuplicates());
        assertThat(byNode).as("both nodes took turns").contains("node-a", "node-b");
    }

    @Test
    void aNodeWaitsForItsTurnOnTheSameMailboxButNotOnAnother() throws Exception {
        var a = new MailboxTurns(dataSource);
        var b = new MailboxTurns(dataSource);
        CamelContext context = new DefaultCamelContext();
        nodes.add(context);
        context.start();
        var shared = consumer(context, "mailbox-shared");
        var sharedOnB = consumer(context, "mailbox-shared");
        var other = consumer(context, "mailbox-bright");

        assertThat(a.begin(shared, shared.getEndpoint())).isTrue();
        assertThat(b.begin(sharedOnB, sharedOnB.getEndpoint()))
                .as("taken by the other node")
                .isFalse();
        assertThat(b.begin(other, other.getEndpoint())).as("another mailbox").isTrue();
        a.commit(shared, shared.getEndpoint(), 3);
        assertThat(b.begin(sharedOnB, sharedOnB.getEndpoint())).as("free again").isTrue();
        b.commit(sharedOnB, sharedOnB.getEndpoint(), 0);
        b.commit(other, other.getEndpoint(), 0);
    }

    private static org.apache.camel.support.DefaultConsumer consumer(CamelContext context, String routeId)
            throws Exception {
        var consumer = (org.apache.camel.support.DefaultConsumer)
                context.getEndpoint("timer:" + routeId).createConsumer(exchange -> {});
        consumer.setRouteId(routeId);
        return consumer;
    }

    /** A node: its own Camel context and turns, polling the mailbox like {@link MailboxRoutes}, handling slowly. */
    private void node(String name, List<String> handled, List<String> byNode) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(MailboxTurns.BEAN, new MailboxTurns(dataSource));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("imap://127.0.0.1:" + MAIL.getImap().getPort()
                                + "?username=orders&password=secret&unseen=true&peek=true&delete=false"
                                + "&mapMailMessage=false&skipFailedMessage=true&closeFolder=false"
                                + "&maxMessagesPerPoll=5&delay=20&pollStrategy=#" + MailboxTurns.BEAN)
                        .routeId("mailbox-shared")
                        .process(exchange -> {
                            Thread.sleep(25); // archiving takes a while; the other node polls meanwhile
                            handled.add(exchange.getMessage().getHeader("Message-ID", String.class));
                            byNode.add(name);
                        });
            }
        });
        nodes.add(context);
        context.start();
    }

    private static void deliver(int n) {
        String raw =
                """
                From: buyer@acme-supply.example
                To: orders@seamline.example
                Subject: Order %d
                Message-ID: <turns-%d@acme-supply.example>
                Content-Type: text/plain

                PO 45000%d
                """
                        .formatted(n, n, n);
        try {
            var message = new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            MAIL.getUserManager().getUser("orders").deliver(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
