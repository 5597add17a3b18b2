package io.seamline.portal.web.ops;

import io.seamline.coordination.partners.Publications;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PublishedKind;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins publish a partner's EDI mapping or e-mail template from its page: a file uploaded (or pasted), checked
 * before it is accepted, with a reason; the answer shows on the partner's page.
 */
@Controller
@RequestMapping("/portal/ops/partners/{id}")
class PublicationPages {

    private final Publications publications;
    private final SignedIn signedIn;

    PublicationPages(Publications publications, SignedIn signedIn) {
        this.publications = publications;
        this.signedIn = signedIn;
    }

    @PostMapping("/mapping")
    String mapping(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String document,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect)
            throws java.io.IOException {
        return publish(id, PublishedKind.MAPPING, file, document, reason, redirect);
    }

    @PostMapping("/template")
    String template(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String document,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect)
            throws java.io.IOException {
        return publish(id, PublishedKind.TEMPLATE, file, document, reason, redirect);
    }

    private String publish(
            String id,
            PublishedKind kind,
            MultipartFile file,
            String document,
            String reason,
            RedirectAttributes redirect)
            throws java.io.IOException {
        if (!PartnerId.isValid(id)) {
            throw new PageNotFound("partner " + id);
        }
        byte[] json = file != null && !file.isEmpty() ? file.getBytes() : document.getBytes(StandardCharsets.UTF_8);
        Publications.Published published = publications.publish(
                PartnerId.of(id), kind, json, reason, signedIn.caller().actor());
        String what = kind == PublishedKind.MAPPING ? "EDI mapping" : "e-mail template";
        if (published instanceof Publications.Published.Done done) {
            redirect.addFlashAttribute("decision", "The " + what + " version " + done.version() + " is in force.");
            redirect.addFlashAttribute("decisionFailed", false);
        } else if (published instanceof Publications.Published.Refused refused) {
            redirect.addFlashAttribute(
                    "decision",
                    "The " + what + " was not published: "
                            + refused.problems().stream()
                                    .map(p -> p.location() + ": " + p.message())
                                    .toList());
            redirect.addFlashAttribute("decisionFailed", true);
        } else {
            throw new PageNotFound("partner " + id);
        }
        return "redirect:/portal/ops/partners/" + id + "#decision";
    }
}
