package io.seamline.portal.security;

import io.seamline.model.partner.PartnerId;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the caller from Spring Security's context: roles from {@code ROLE_*}, the partner from its authority. */
public final class Callers {

    private Callers() {}

    /** The caller of the current request, if it is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(of(authentication));
    }

    public static Caller of(Authentication authentication) {
        var roles = EnumSet.noneOf(Role.class);
        PartnerId partner = null;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith(Caller.PARTNER_AUTHORITY_PREFIX)) {
                partner = PartnerId.of(authority.substring(Caller.PARTNER_AUTHORITY_PREFIX.length()));
            }
            for (Role role : Role.values()) {
                if (role.authority().equals(authority)) {
                    roles.add(role);
                }
            }
        }
        if (partner != null) {
            roles.retainAll(EnumSet.of(Role.PARTNER, Role.TEST));
            roles.add(Role.PARTNER);
        }
        return new Caller(authentication.getName(), roles, partner);
    }
}
