package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.routes.sftp.SftpPollers;
import io.seamline.routes.sftp.SftpRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SFTP against real SFTP servers (Apache MINA SSHD): a partner pushes to its folder on our server with an atomic rename
 * and picks up our acknowledgement there; we poll a partner's own server, and stopping the poller mid-pickup (as a
 * restart does) and polling with two pollers at once (as two nodes do) still takes every file exactly once.
 */
class SftpIT extends PipelineGatewayIT {

    @Autowired
    SftpPollers pollers;

    @Autowired
    CamelContext camel;

    /** Onboards a supplier with an SFTP channel; returns its id. */
    private String partner(String x12Id, String settings, String address) {
        String id = "sftp-partner-" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000);
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "SFTP Partner", "role": "SUPPLIER", "state": "LIVE", "stateReason": "moved from our old gateway",
                 "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}],
                 "channels": [{"kind": "SFTP", "address": "%s",
                               "settings": {"standard": "X12", "version": "004010", %s}}]}
                """
                        .formatted(id, x12Id, address, settings));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        return id;
    }

    private static String control(int i) {
        return String.format(
                "%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L) / 100 * 100 + i);
    }

    private static byte[] interchange(String x12Id, String control) {
        return x12("ZZ", x12Id, "PR", control, "855", "BAK*00*AC*PO-" + control + "*20261127")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aPartnerPushesToItsFolderAndPicksUpOurAcknowledgementThere() throws Exception {
        String x12Id = "SFTPP" + Math.floorMod(UUID.randomUUID().hashCode(), 10_000);
        String partner = partner(
                x12Id, "\"username\": \"" + x12Id.toLowerCase() + "\", \"password\": \"{noop}s3cret\"", "sftp://ours");
        String control = control(1);

        try (var sftp = Sftp.login(SFTP_PORT, x12Id.toLowerCase(), "s3cret")) {
            // written under a temporary name, then renamed: never taken half-written
            sftp.put("/in/855-" + control + ".edi.part", interchange(x12Id, control));
            sftp.client.rename("/in/855-" + control + ".edi.part", "/in/855-" + control + ".edi");

            JsonNode message = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> json(get("/api/v1/messages?partnerId=" + partner + "&controlNumber=" + control, OPS))
                                    .path("items"),
                            items -> items.size() == 1
                                    && items.get(0).path("status").asText().equals("PROCESSED"));
            assertThat(message.get(0).path("transport").asText()).isEqualTo("sftp");

            // our 997 waits in its out folder
            String ack = await().atMost(Duration.ofSeconds(20))
                    .until(() -> sftp.list("/out"), names -> !names.isEmpty())
                    .get(0);
            assertThat(new String(sftp.get("/out/" + ack), StandardCharsets.US_ASCII))
                    .contains("ST*997", "AK1*PR*" + control.replaceFirst("^0+", ""));
            assertThat(sftp.list("/in/.done")).contains("855-" + control + ".edi");
        }
        assertThatThrownBy(() -> Sftp.login(SFTP_PORT, x12Id.toLowerCase(), "wrong"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aPartnersOwnServerIsPolledAndEveryFileTakenOnceAcrossARestartAndTwoPollers() throws Exception {
        Path root = Files.createTempDirectory("partner-sftp");
        Path outbound = Files.createDirectories(root.resolve("outbound"));
        String x12Id = "POLLP" + Math.floorMod(UUID.randomUUID().hashCode(), 10_000);
        var controls = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            String control = control(i);
            controls.add(control);
            Files.write(outbound.resolve("855-" + control + ".edi"), interchange(x12Id, control));
        }
        try (var server = PartnersServer.start(root, "seamline", "their-password")) {
            String partner = partner(
                    x12Id,
                    "\"poll\": \"true\", \"username\": \"seamline\", \"password\": \"their-password\","
                            + " \"strictHostKeyChecking\": \"no\"",
                    "sftp://127.0.0.1:" + server.port() + "/outbound");
            pollers.refresh();

            // some files are taken; then the poller stops mid-pickup and starts afresh, with nothing in memory
            await().atMost(Duration.ofSeconds(30)).until(() -> taken(partner) >= 5);
            pollers.remove(partner);
            pollers.refresh();
            // ... and a second poller reads the same folder at the same time, as a second node would
            camel.addRouteFromTemplate(
                    "second-node-" + partner,
                    SftpRoutes.POLLER,
                    Map.of(
                            "uri",
                            "sftp://127.0.0.1:" + server.port() + "/outbound?binary=true&noop=true&idempotent=true"
                                    + "&username=seamline&password=RAW(their-password)&useUserKnownHostsFile=false"
                                    + "&strictHostKeyChecking=no&delay=150&readLock=changed&readLockMinAge=300",
                            "partner",
                            partner));

            await().atMost(Duration.ofSeconds(60)).until(() -> taken(partner) >= 30);
            camel.getRouteController().stopRoute("second-node-" + partner);
            camel.removeRoute("second-node-" + partner);
            pollers.remove(partner);

            assertThat(taken(partner)).as("each file archived once").isEqualTo(30);
            for (String control : controls) {
                assertThat(json(get("/api/v1/messages?partnerId=" + partner + "&controlNumber=" + control, OPS))
                                .path("total")
                                .asInt())
                        .as("interchange " + control)
                        .isEqualTo(1);
            }
            // the files stay on the partner's server, as its channel asks ("afterPickup" keep)
            try (var files = Files.list(outbound)) {
                assertThat(files.count()).isEqualTo(30);
            }
        }
    }

    @Test
    void ourPurchaseOrderIsWrittenToThePartnersOwnServerUnderATemporaryNameThenRenamed() throws Exception {
        Path root = Files.createTempDirectory("partner-sftp-in");
        Path inbound = Files.createDirectories(root.resolve("inbound"));
        String x12Id = "PUSHP" + Math.floorMod(UUID.randomUUID().hashCode(), 10_000);
        try (var server = PartnersServer.start(root, "seamline", "their-password")) {
            String partner = partner(
                    x12Id,
                    "\"mode\": \"push\", \"username\": \"seamline\", \"password\": \"their-password\","
                            + " \"strictHostKeyChecking\": \"no\"",
                    "sftp://127.0.0.1:" + server.port() + "/inbound");
            String po = "45003"
                    + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
            importOrder(po, partner);

            Path order = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> {
                                try (var files = Files.list(inbound)) {
                                    return files.filter(f ->
                                                    !f.getFileName().toString().startsWith("."))
                                            .findFirst()
                                            .orElse(null);
                                }
                            },
                            java.util.Objects::nonNull);
            assertThat(Files.readString(order)).contains("BEG*00*SA*" + po);
            try (var files = Files.list(inbound)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
            }
            // the partner's password is ours to keep: masked when the profile is read
            assertThat(get("/api/v1/partners/" + partner, OPS).body())
                    .contains("********")
                    .doesNotContain("their-password");
        }
    }

    /** How many of a partner's files the gateway archived. */
    private long taken(String partner) {
        return json(get("/api/v1/messages?partnerId=" + partner + "&direction=INBOUND&limit=1", OPS))
                .path("total")
                .asLong();
    }

    /** An SFTP client session (Apache MINA SSHD's client). */
    static final class Sftp implements AutoCloseable {

        private final SshClient ssh;
        private final ClientSession session;
        final SftpClient client;

        private Sftp(SshClient ssh, ClientSession session, SftpClient client) {
            this.ssh = ssh;
            this.session = session;
            this.client = client;
        }

        static Sftp login(int port, String user, String password) throws IOException {
            SshClient ssh = SshClient.setUpDefaultClient();
            ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            ssh.start();
            try {
                ClientSession session = ssh.connect(user, "127.0.0.1", port)
                        .verify(Duration.ofSeconds(10))
                        .getSession();
                session.addPasswordIdentity(password);
                session.auth().verify(Duration.ofSeconds(10));
                return new Sftp(ssh, session, SftpClientFactory.instance().createSftpClient(session));
            } catch (IOException | RuntimeException e) {
                ssh.stop();
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }

        void put(String path, byte[] content) throws IOException {
            try (OutputStream out = client.write(path)) {
                out.write(content);
            }
        }

        byte[] get(String path) throws IOException {
            try (InputStream in = client.read(path)) {
                return in.readAllBytes();
            }
        }

        List<String> list(String path) {
            var names = new ArrayList<String>();
            try {
                for (SftpClient.DirEntry entry : client.readDir(path)) {
                    if (!entry.getFilename().startsWith(".")
                            && entry.getAttributes().isRegularFile()) {
                        names.add(entry.getFilename());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return names;
        }

        @Override
        public void close() throws IOException {
            client.close();
            session.close();
            ssh.stop();
        }
    }

    /** The partner's own SFTP server. */
    record PartnersServer(SshServer server) implements AutoCloseable {

        static PartnersServer start(Path root, String user, String password) throws IOException {
            SshServer server = SshServer.setUpDefaultServer();
            server.setPort(partnerPort());
            server.setKeyPairProvider(
                    new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + ".key")));
            server.setPasswordAuthenticator((u, p, s) -> u.equals(user) && p.equals(password));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
            return new PartnersServer(server);
        }

        int port() {
            return server.getPort();
        }

        @Override
        public void close() throws IOException {
            server.stop(true);
        }
    }
}
