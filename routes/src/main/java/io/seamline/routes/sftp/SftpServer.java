package io.seamline.routes.sftp;

import io.seamline.adapters.delivery.DeliverySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Our SFTP server for partners who push (Apache MINA SSHD): a partner logs in with its SFTP channel's credentials and
 * sees only its own folder — {@code in/} for its files (picked up once they are complete: uploads named {@code
 * *.part}, {@code *.tmp} or {@code .*} wait for their rename), {@code out/} for ours. Off when {@code
 * seamline.sftp.server.enabled} is false.
 */
@Component
@EnableConfigurationProperties(SftpSettings.class)
class SftpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SftpServer.class);

    private final SftpSettings settings;
    private final SftpAccounts accounts;
    private final Path folders;
    private SshServer server;

    public SftpServer(SftpSettings settings, SftpAccounts accounts, DeliverySettings delivery) {
        this.settings = settings;
        this.accounts = accounts;
        this.folders = delivery.partnerFolders();
    }

    @Override
    public synchronized void start() {
        if (!settings.server().enabled()) {
            return;
        }
        try {
            Files.createDirectories(folders);
            server = SshServer.setUpDefaultServer();
            server.setPort(settings.server().port());
            Path hostKey =
                    settings.server().hostKey() != null ? settings.server().hostKey() : folders.resolve(".host-key");
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
            server.setPasswordAuthenticator((username, password, session) -> accounts.password(username, password));
            server.setPublickeyAuthenticator((username, key, session) -> accounts.key(username, key));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new PartnerFolders(folders, accounts));
            server.start();
            log.info("SFTP server listening on port {} (a folder per partner under {})", server.getPort(), folders);
        } catch (IOException e) {
            throw new UncheckedIOException("the SFTP server did not start", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                log.warn("SFTP server did not stop cleanly: {}", e.getMessage());
            }
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isStarted();
    }

    /** Each user is jailed in its partner's folder, which is created with its {@code in/} and {@code out/}. */
    static final class PartnerFolders extends VirtualFileSystemFactory {

        private final Path root;
        private final SftpAccounts accounts;

        PartnerFolders(Path root, SftpAccounts accounts) {
            this.root = root;
            this.accounts = accounts;
        }

        @Override
        public Path getUserHomeDir(SessionContext session) throws IOException {
            var account = accounts.account(session.getUsername())
                    .orElseThrow(() -> new IOException("no partner logs in as " + session.getUsername()));
            Path home = root.resolve(account.partner().id().value());
            Files.createDirectories(home.resolve("in"));
            Files.createDirectories(home.resolve("out"));
            return home;
        }
    }
}
