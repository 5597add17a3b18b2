package io.seamline.portal.security;

import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The authenticated caller of a request: a name, roles, and the partner it acts for (none for internal users). */
public record Caller(String name, Set<Role> roles, PartnerId partner) {

    /** Granted authority that binds a principal to a partner: {@code PARTNER_ID_acme-supply}. */
    public static final String PARTNER_AUTHORITY_PREFIX = "PARTNER_ID_";

    public Caller {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public Optional<PartnerId> partnerId() {
        return Optional.ofNullable(partner);
    }

    /** What this caller may see: its own partner's data, or everything for internal users. */
    public PartnerScope scope() {
        return partner == null ? PartnerScope.everyone() : PartnerScope.only(partner);
    }

    public boolean isInternal() {
        return partner == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** How the timeline names this caller: a user name, or {@code partner:<id>/<user>}. */
    public String actor() {
        return partner == null ? name : "partner:" + partner + "/" + name;
    }
}
