package io.seamline.portal.web;

import io.seamline.model.Subject;

/**
 * Where the portal shows a subject: a PO's page, a shipment's page, a message's page. Templates reach it as {@code
 * links} ({@code th:href="${links.to(task.subject())}"}).
 */
public final class Links {

    public static final Links INSTANCE = new Links();

    private Links() {}

    /** The page of a subject, or none ({@code #}) for subjects without one (a customs entry). */
    public String to(Subject subject) {
        if (subject == null) {
            return "#";
        }
        return switch (subject.kind()) {
            case Subject.PURCHASE_ORDER -> "/portal/orders/" + subject.key();
            case Subject.SHIPMENT -> "/portal/shipments/" + subject.key();
            case Subject.MESSAGE -> "/portal/messages/" + subject.key();
            default -> "#";
        };
    }
}
