package io.seamline.portal.web.payments;

import io.seamline.coordination.payments.Statements;
import io.seamline.model.Window;
import io.seamline.model.message.Channel;
import io.seamline.model.payment.Deduction;
import io.seamline.portal.api.Submissions;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.Answers;
import io.seamline.portal.web.Forms;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.pipeline.Received;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payments and deductions in the portal: a partner sees the remittances we sent it and the deductions we took, with
 * their evidence, and disputes a deduction with its reason (the same document as the API's dispute); our people see
 * every partner's. Another partner's deduction is not found.
 */
@Controller
class PaymentsPage {

    private final Statements statements;
    private final Submissions submissions;
    private final SignedIn signedIn;

    PaymentsPage(Statements statements, Submissions submissions, SignedIn signedIn) {
        this.statements = statements;
        this.submissions = submissions;
        this.signedIn = signedIn;
    }

    @GetMapping("/portal/payments")
    String page(Model model) {
        Caller caller = signedIn.caller();
        var partner = caller.partnerId().orElse(null);
        model.addAttribute(
                "payments", statements.payments(partner, Window.first(100)).items());
        model.addAttribute(
                "deductions", statements.deductions(partner, Window.first(100)).items());
        return "portal/payments";
    }

    @PostMapping("/portal/payments/deductions/{number}/dispute")
    String dispute(
            @PathVariable String number,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = signedIn.caller();
        Optional<Deduction> deduction = statements.deduction(number, caller.partnerId());
        if (deduction.isEmpty()) {
            throw new PageNotFound("deduction " + number);
        }
        var document = Forms.object();
        Forms.text(document, "reason", reason);
        Received received = submissions
                .testing(signedIn.testMode())
                .dispute(
                        Channel.PORTAL,
                        Forms.bytes(document),
                        deduction.get().partnerId(),
                        deduction.get().number());
        return Answers.to(received, request, model, redirect, "/portal/payments");
    }
}
