package io.seamline.portal.web;

import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import io.seamline.portal.security.Caller;
import io.seamline.portal.security.Role;
import java.util.Objects;

/**
 * Who is signed in, as the pages need it: the caller, and for a partner's user its partner (name and role decide
 * the menus: suppliers see their POs first, carriers their shipments).
 */
public record Me(Caller caller, Partner partner) {

    public Me {
        Objects.requireNonNull(caller, "caller");
    }

    public String name() {
        return caller.name();
    }

    public boolean internal() {
        return caller.isInternal();
    }

    /** Works tasks, watches SLAs, reprocesses messages. */
    public boolean ops() {
        return caller.has(Role.OPS) || caller.has(Role.ADMIN);
    }

    /** Onboards partners, changes configuration, reads the audit trail. */
    public boolean admin() {
        return caller.has(Role.ADMIN);
    }

    public boolean supplier() {
        return partner != null && partner.role() == PartnerRole.SUPPLIER;
    }

    /** A carrier or a forwarder: moves goods, posts status, invoices freight. */
    public boolean carrier() {
        return partner != null && (partner.role() == PartnerRole.CARRIER || partner.role() == PartnerRole.FORWARDER);
    }

    public boolean broker() {
        return partner != null && partner.role() == PartnerRole.BROKER;
    }

    /** What the header shows beside the user name. */
    public String affiliation() {
        return partner != null ? partner.name() : internal() ? "Internal" : "";
    }
}
