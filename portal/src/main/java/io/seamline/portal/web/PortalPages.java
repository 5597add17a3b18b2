package io.seamline.portal.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's frame: the sign-in page and the start page for each kind of user. Partner users start at their own
 * work (a supplier's POs, a carrier's shipments), internal users at the task queue.
 */
@Controller
class PortalPages {

    private final SignedIn signedIn;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Environment environment;

    public PortalPages(
            SignedIn signedIn, ObjectProvider<ClientRegistrationRepository> registrations, Environment environment) {
        this.signedIn = signedIn;
        this.registrations = registrations;
        this.environment = environment;
    }

    @GetMapping("/portal/login")
    String login(Model model) {
        model.addAttribute("keycloak", registrations.getIfAvailable() != null);
        model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
        return "portal/login";
    }

    @GetMapping({"/portal", "/portal/"})
    String start() {
        Me me = signedIn.me();
        if (me.ops()) {
            return "redirect:/portal/ops/tasks";
        }
        if (me.supplier()) {
            return "redirect:/portal/orders";
        }
        if (me.broker()) {
            return "redirect:/portal/customs";
        }
        return "redirect:/portal/shipments";
    }
}
