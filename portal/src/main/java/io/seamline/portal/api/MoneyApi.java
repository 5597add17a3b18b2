package io.seamline.portal.api;

import io.seamline.coordination.payments.Statements;
import io.seamline.model.Page;
import io.seamline.model.message.Channel;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.payment.Deduction;
import io.seamline.model.payment.Payment;
import io.seamline.portal.security.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The money loop as partners and our people see it: {@code GET /payments} (the remittances we sent), {@code GET
 * /deductions[/{number}]} (what we deducted, with its evidence) and {@code POST /deductions/{number}/dispute}. A
 * partner sees and disputes only its own; another partner's deduction is not found.
 */
@Component
class MoneyApi {

    private final Statements statements;
    private final Submissions submissions;

    MoneyApi(Statements statements, Submissions submissions) {
        this.statements = statements;
        this.submissions = submissions;
    }

    public Reply payments(ApiRequest request) {
        Page<Payment> page = statements.payments(whose(request), Queries.window(request));
        return Reply.ok(page(page.map(MoneyApi::payment)));
    }

    public Reply deductions(ApiRequest request) {
        Page<Deduction> page = statements.deductions(whose(request), Queries.window(request));
        return Reply.ok(page(page.map(MoneyApi::deduction)));
    }

    public Reply deduction(ApiRequest request) {
        return Reply.ok(deduction(visible(request.caller(), request.pathParam("number"))));
    }

    /** The partner's dispute: a document of its own, read and correlated like any, reopening the deduction. */
    public Reply dispute(ApiRequest request) {
        Deduction deduction = visible(request.caller(), request.pathParam("number"));
        var received = submissions
                .testing(request.test())
                .dispute(Channel.API, request.body(), deduction.partnerId(), deduction.number());
        return InboundApi.reply(request, received);
    }

    /** The deduction, when the caller may see it: its own partner's, or any for our people. */
    private Deduction visible(Caller caller, String number) {
        return statements
                .deduction(number, caller.partnerId())
                .orElseThrow(() -> ApiProblem.notFound("deduction " + number));
    }

    /** A partner's own; our people see every partner's, or one's with {@code ?partnerId=}. */
    private static PartnerId whose(ApiRequest request) {
        return request.caller().partnerId().orElseGet(() -> Queries.partnerId(request, "partnerId"));
    }

    private static Map<String, Object> page(Page<Map<String, Object>> page) {
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.items());
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        return body;
    }

    private static Map<String, Object> payment(Payment payment) {
        var view = new LinkedHashMap<String, Object>();
        view.put("paymentId", payment.paymentId());
        view.put("partnerId", payment.partnerId().value());
        view.put("paidAt", payment.paidAt().toString());
        view.put("currency", payment.currency());
        view.put("amount", payment.amount());
        view.put("invoices", payment.invoices());
        return view;
    }

    static Map<String, Object> deduction(Deduction deduction) {
        var view = new LinkedHashMap<String, Object>();
        view.put("number", deduction.number());
        view.put("partnerId", deduction.partnerId().value());
        view.put("subject", deduction.subject());
        view.put("status", deduction.status().name());
        view.put("reasonCode", deduction.reasonCode());
        view.put("reason", deduction.reason());
        view.put("amount", deduction.amount());
        view.put("currency", deduction.currency());
        view.put("evidence", deduction.evidence());
        view.put("disputeReason", deduction.disputeReason());
        view.put(
                "disputedAt",
                deduction.disputedAt() == null ? null : deduction.disputedAt().toString());
        view.put(
                "createdAt",
                deduction.createdAt() == null ? null : deduction.createdAt().toString());
        return view;
    }
}
