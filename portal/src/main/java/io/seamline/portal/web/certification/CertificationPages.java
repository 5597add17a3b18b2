package io.seamline.portal.web.certification;

import io.seamline.coordination.lifecycle.Certification;
import io.seamline.coordination.lifecycle.Lifecycle;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.model.message.Direction;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.Answers;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Testing and certification in the portal: a partner's own board, its test mode (what it sends in the portal is a
 * test) and test files uploaded; ops' boards of every partner and their decisions moving a document type's state.
 */
@Controller
class CertificationPages {

    private final PartnerDirectory partners;
    private final Certification certification;
    private final Lifecycle lifecycle;
    private final Intake intake;
    private final SignedIn signedIn;
    private final TransactionTemplate transactions;

    CertificationPages(
            PartnerDirectory partners,
            Certification certification,
            Lifecycle lifecycle,
            Intake intake,
            SignedIn signedIn,
            TransactionTemplate transactions) {
        this.partners = partners;
        this.certification = certification;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.signedIn = signedIn;
        this.transactions = transactions;
    }

    /** A partner's own board, with its test mode and a form for test files. */
    @GetMapping("/portal/certification")
    String own(Model model) {
        model.addAttribute("board", board(ownPartner()));
        return "portal/certification";
    }

    /** Turns the partner user's test mode on or off for the rest of its session. */
    @PostMapping("/portal/test-mode")
    String testMode(@RequestParam("on") boolean on, HttpSession session) {
        ownPartner();
        session.setAttribute(SignedIn.TEST_MODE, on);
        return "redirect:/portal/certification";
    }

    /** A test file: the partner's interchange, read and graded as a test whatever its envelope says. */
    @PostMapping("/portal/certification/upload")
    String upload(
            @RequestParam("file") MultipartFile file,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Partner partner = ownPartner();
        Caller caller = signedIn.caller();
        Received received = intake.testing(true)
                .edi(
                        file.getBytes(),
                        "portal",
                        partner.id(),
                        caller.scope(),
                        file.getContentType(),
                        file.getOriginalFilename());
        return Answers.to(received, request, model, redirect, "/portal/certification");
    }

    /** Every partner's board (ops). */
    @GetMapping("/portal/ops/certification")
    String all(Model model) {
        model.addAttribute(
                "boards",
                partners.list(PartnerScope.everyone()).stream()
                        .map(p -> new PartnerBoard(p, board(p)))
                        .toList());
        return "portal/ops/certification";
    }

    /** One partner's board on its page, for ops to decide on. */
    record PartnerBoard(Partner partner, Certification.Board board) {}

    /** Ops move a document type to another state, with a reason (LIVE with its checklist open only when overridden). */
    @PostMapping("/portal/ops/partners/{id}/certification/{direction}/{type}/state")
    String decide(
            @PathVariable String id,
            @PathVariable String direction,
            @PathVariable String type,
            @RequestParam("state") String state,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "override", defaultValue = "false") boolean override,
            RedirectAttributes redirect) {
        Partner partner = PartnerId.isValid(id)
                ? partners.find(PartnerId.of(id), PartnerScope.everyone())
                        .orElseThrow(() -> new PageNotFound("partner " + id))
                : null;
        if (partner == null) {
            throw new PageNotFound("partner " + id);
        }
        Direction dir;
        LifecycleState to;
        try {
            dir = Direction.valueOf(direction.toUpperCase(Locale.ROOT));
            to = LifecycleState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("document type " + direction + "/" + type);
        }
        String actor = signedIn.caller().actor();
        Lifecycle.Change change =
                transactions.execute(tx -> lifecycle.change(partner, dir, type, to, reason, override, actor));
        String what = Lifecycle.describe(dir, type);
        if (change instanceof Lifecycle.Change.Changed) {
            redirect.addFlashAttribute("decision", what + " is " + to + " now.");
            redirect.addFlashAttribute("decisionFailed", false);
        } else if (change instanceof Lifecycle.Change.Incomplete incomplete) {
            redirect.addFlashAttribute(
                    "decision",
                    what + " cannot go LIVE yet: " + String.join(", ", incomplete.open())
                            + " have not passed. Tick \"Go LIVE with the checklist open\" and say why to go anyway.");
            redirect.addFlashAttribute("decisionFailed", true);
        } else {
            redirect.addFlashAttribute("decision", "Say why: a change of state is a decision with a reason.");
            redirect.addFlashAttribute("decisionFailed", true);
        }
        return "redirect:/portal/ops/partners/" + partner.id() + "#decision";
    }

    private Partner ownPartner() {
        Caller caller = signedIn.caller();
        return caller.partnerId()
                .flatMap(p -> partners.find(p, caller.scope()))
                .orElseThrow(() -> new PageNotFound("a partner's own certification"));
    }

    private Certification.Board board(Partner partner) {
        return transactions.execute(tx -> certification.board(partner));
    }
}
