package io.seamline.portal.security;

import io.seamline.model.partner.PartnerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak access tokens as callers. A token must be signed by a key of the configured issuer (no {@code alg=none},
 * no key from another realm), current, from that issuer and for our audience. Roles come from Keycloak's {@code
 * realm_access.roles} ({@code admin}, {@code ops}, {@code erp}, {@code partner}); a {@code partner_id} claim binds
 * the caller to that partner and to the PARTNER role only. A partner role without a valid partner claim grants
 * nothing: such a caller could otherwise pass for an internal one.
 */
final class KeycloakTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String partnerClaim;

    public KeycloakTokens(String partnerClaim) {
        this.partnerClaim = partnerClaim;
    }

    /** A decoder that finds the issuer's keys on first use (the gateway may start before the identity provider). */
    public static JwtDecoder decoder(SecuritySettings.Oidc oidc) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(oidc.issuerUri()), audience(oidc.audience())));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrong = new OAuth2Error("invalid_token", "the token is not for audience " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrong);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), name(jwt));
    }

    Collection<GrantedAuthority> authorities(Jwt jwt) {
        return authorities(jwt.getClaims(), partnerClaim);
    }

    /** The authorities of a token's (or an ID token's) claims: realm roles, or the partner and its one role. */
    public static Collection<GrantedAuthority> authorities(Map<String, Object> claims, String partnerClaim) {
        List<Role> roles = roles(claims);
        Object partner = claims.get(partnerClaim);
        var authorities = new ArrayList<GrantedAuthority>();
        if (partner != null) {
            if (PartnerId.isValid(String.valueOf(partner)) && roles.contains(Role.PARTNER)) {
                authorities.add(new SimpleGrantedAuthority(Caller.PARTNER_AUTHORITY_PREFIX + partner));
                authorities.add(new SimpleGrantedAuthority(Role.PARTNER.authority()));
                if (roles.contains(Role.TEST)) {
                    authorities.add(new SimpleGrantedAuthority(Role.TEST.authority()));
                }
            }
            return authorities;
        }
        roles.stream()
                .filter(r -> r != Role.PARTNER)
                .forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        return authorities;
    }

    private static List<Role> roles(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> realm)
                || !(realm.get("roles") instanceof Collection<?> names)) {
            return List.of();
        }
        var roles = new ArrayList<Role>();
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(String.valueOf(name).toUpperCase(Locale.ROOT))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /** A user's name, else the client's (client credentials), else the subject. */
    private static String name(Jwt jwt) {
        for (String claim : List.of("preferred_username", "client_id", "azp")) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return jwt.getSubject();
    }
}
