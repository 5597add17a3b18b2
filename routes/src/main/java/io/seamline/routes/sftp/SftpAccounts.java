package io.seamline.routes.sftp;

import io.seamline.adapters.persistence.Partners;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who may log in to our SFTP server: partners with an SFTP channel, by its settings — {@code username} (the partner
 * id when not set), and a {@code password} stored hashed ({@code {bcrypt}…}) or an {@code authorizedKey} (an OpenSSH
 * public key line).
 */
@Component
class SftpAccounts {

    private final Partners partners;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public SftpAccounts(Partners partners) {
        this.partners = partners;
    }

    /** The partner a user name belongs to, with its SFTP channel. */
    public Optional<Account> account(String username) {
        for (Partner partner : partners.all()) {
            Optional<ChannelProfile> channel = partner.channel(ChannelKind.SFTP);
            if (channel.isPresent()
                    && channel.get().setting("username", partner.id().value()).equals(username)) {
                return Optional.of(new Account(partner, channel.get()));
            }
        }
        return Optional.empty();
    }

    /** A partner's login on our server. */
    public record Account(Partner partner, ChannelProfile channel) {}

    public boolean password(String username, String password) {
        return account(username)
                .map(a -> a.channel().settings().get("password"))
                .filter(stored -> stored != null && !stored.isBlank())
                .map(stored -> matches(password, stored))
                .orElse(false);
    }

    public boolean key(String username, PublicKey key) {
        return account(username)
                .map(a -> a.channel().settings().get("authorizedKey"))
                .filter(line -> line != null && !line.isBlank())
                .map(line -> {
                    try {
                        PublicKey allowed =
                                AuthorizedKeyEntry.parseAuthorizedKeyEntry(line).resolvePublicKey(null, null, null);
                        return KeyUtils.compareKeys(allowed, key);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    private boolean matches(String password, String stored) {
        try {
            return passwords.matches(password, stored);
        } catch (IllegalArgumentException e) {
            // a password stored without its {id}: never compare clear text
            return false;
        }
    }
}
