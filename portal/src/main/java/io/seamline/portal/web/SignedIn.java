package io.seamline.portal.web;

import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.portal.security.Caller;
import io.seamline.portal.security.Callers;
import io.seamline.portal.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

    /** The session attribute that holds a partner user's test mode. */
    public static final String TEST_MODE = "seamline.testMode";

    /**
     * Whether what the signed-in partner user sends is a test: its test mode is on, or its credentials are for
     * testing. Internal users have no test mode (they send nothing as a partner does).
     */
    public boolean testMode() {
        Caller caller = caller();
        if (caller.has(Role.TEST)) {
            return true;
        }
        if (caller.partnerId().isEmpty()) {
            return false;
        }
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null
                && Boolean.TRUE.equals(attributes.getAttribute(TEST_MODE, RequestAttributes.SCOPE_SESSION));
    }

    /** The test mode, for the templates (a banner on every page while it is on). */
    @ModelAttribute("testMode")
    public boolean testModeOfPage() {
        return Callers.current().isPresent() && testMode();
    }

    /** The signed-in caller, for the services (their scope decides what it sees). */
    public Caller caller() {
        return Callers.current().orElseThrow(() -> new IllegalStateException("no one is signed in"));
    }
}
