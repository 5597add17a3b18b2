package io.seamline.portal.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local users ({@code seamline.security.users}), for the embedded demo and for small installations without an
 * identity provider. Passwords carry their encoding: {@code {bcrypt}$2a$…}, or {@code {noop}ops} for demos only.
 * A user with a {@code partner} acts for that partner only, whatever roles are listed.
 */
@ConfigurationProperties("seamline.security")
public record SecuritySettings(@DefaultValue List<User> users, Oidc oidc, @DefaultValue SignIn signIn) {

    public SecuritySettings {
        oidc = oidc == null ? new Oidc(null, null, null) : oidc;
    }

    /**
     * How failed password sign-ins are slowed down ({@code seamline.security.sign-in}): after {@code userLimit}
     * failures of one user name or {@code addressLimit} from one address within {@code window}, sign-ins wait
     * {@code firstPause}, doubling with each further lockout up to {@code longestPause}.
     */
    public record SignIn(
            @DefaultValue("5") int userLimit,
            @DefaultValue("20") int addressLimit,
            @DefaultValue("15m") java.time.Duration window,
            @DefaultValue("30s") java.time.Duration firstPause,
            @DefaultValue("15m") java.time.Duration longestPause) {}

    /**
     * The identity provider whose access tokens the API accepts ({@code seamline.security.oidc}): its issuer (for
     * Keycloak {@code https://sso.example/realms/seamline}), the audience tokens must name, and the claim that binds
     * a token to a partner. Off while {@code issuer-uri} is empty.
     */
    public record Oidc(String issuerUri, String audience, String partnerClaim) {

        public Oidc {
            issuerUri = issuerUri == null || issuerUri.isBlank() ? null : issuerUri.trim();
            audience = audience == null || audience.isBlank() ? "seamline-api" : audience.trim();
            partnerClaim = partnerClaim == null || partnerClaim.isBlank() ? "partner_id" : partnerClaim.trim();
        }

        public boolean enabled() {
            return issuerUri != null;
        }
    }

    public record User(String name, String password, @DefaultValue List<Role> roles, String partner) {}

    /** True when a user's password is stored in clear text, which only the demo profile should do. */
    public boolean hasPlainTextPasswords() {
        return users.stream().anyMatch(u -> u.password() != null && u.password().startsWith("{noop}"));
    }
}
