package io.seamline.portal.web;

import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.portal.security.Caller;
import io.seamline.portal.security.Callers;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for every portal page ({@code me} in the templates) and every page controller. */
@ControllerAdvice(basePackages = "io.seamline.portal.web")
public class SignedIn {

    private final PartnerDirectory partners;

    public SignedIn(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The signed-in user; the portal's pages are behind sign-in, so there always is one. */
    @ModelAttribute("me")
    public Me me() {
        Caller caller = Callers.current().orElse(null);
        if (caller == null) {
            return null;
        }
        return new Me(
                caller,
                caller.partnerId()
                        .flatMap(p -> partners.find(p, caller.scope()))
                        .orElse(null));
    }

    /** Where subjects are shown, for the templates. */
    @ModelAttribute("links")
    public Links links() {
        return Links.INSTANCE;
    }

    /** The signed-in caller, for the services (their scope decides what it sees). */
    public Caller caller() {
        return Callers.current().orElseThrow(() -> new IllegalStateException("no one is signed in"));
    }
}
