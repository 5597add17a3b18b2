package io.seamline.portal.web.invoices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.coordination.lookup.Lookup;
import io.seamline.mappings.einvoice.EInvoices;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.model.message.Channel;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.portal.api.Submissions;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.Answers;
import io.seamline.portal.web.Forms;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supplier's goods invoice: a form prefilled from one of its POs (what shipped and is not invoiced yet, at the
 * order's prices), or a file — an X12 810, an EDIFACT INVOIC, or the invoice as canonical JSON. Either way it is the
 * same event as an 810, matched three ways against the PO and what was received.
 */
@Controller
@RequestMapping("/portal/invoices")
class InvoicePages {

    private final Lookup lookup;
    private final Submissions submissions;
    private final Intake intake;
    private final SignedIn signedIn;
    private final Clock clock;

    public InvoicePages(Lookup lookup, Submissions submissions, Intake intake, SignedIn signedIn, Clock clock) {
        this.lookup = lookup;
        this.submissions = submissions;
        this.intake = intake;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String po, Model model) {
        Caller caller = signedIn.caller();
        if (Forms.filled(po)) {
            model.addAttribute("order", order(po.strip(), caller));
        }
        model.addAttribute("po", po);
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/invoice";
    }

    /** The invoice typed in the form, one line per PO line invoiced. */
    @PostMapping
    String submit(
            @RequestParam String po,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = signedIn.caller();
        PurchaseOrder order = order(po, caller);
        ObjectNode document = Forms.object();
        Forms.text(document, "invoiceNumber", form.get("invoiceNumber"));
        document.put("kind", "GOODS");
        Forms.text(document, "invoiceDate", form.get("invoiceDate"));
        document.put("currency", order.currency());
        document.putArray("poNumbers").add(order.number().value());
        ArrayNode lines = document.putArray("lines");
        BigDecimal total = BigDecimal.ZERO;
        int n = 0;
        for (PurchaseOrderLine line : order.lines()) {
            String quantity = form.get("qty-" + line.lineNumber());
            if (!Forms.filled(quantity)) {
                continue;
            }
            ObjectNode entry = lines.addObject();
            entry.put("lineNumber", String.valueOf(++n));
            entry.put("poNumber", order.number().value());
            entry.put("poLine", line.lineNumber());
            entry.put("itemId", line.itemId());
            Forms.number(entry, "quantity", quantity);
            Forms.number(entry, "unitPrice", form.get("price-" + line.lineNumber()));
            if (entry.path("quantity").isNumber() && entry.path("unitPrice").isNumber()) {
                BigDecimal amount = entry.path("quantity")
                        .decimalValue()
                        .multiply(entry.path("unitPrice").decimalValue());
                entry.put("amount", amount);
                total = total.add(amount);
            }
        }
        document.put("total", total);
        Received received = submissions
                .testing(signedIn.testMode())
                .document(Channel.PORTAL, ApiDocuments.INVOICE, Forms.bytes(document), order.partnerId());
        return Answers.to(received, request, model, redirect, "/portal/invoices/new?po=" + po);
    }

    /**
     * An invoice file: EDI goes through the EDI engine as the supplier's interchange, JSON through the schema, an EU
     * e-invoice (ZUGFeRD / Factur-X PDF, UBL or CII XML) through the e-invoice reader.
     */
    @PostMapping("/upload")
    String upload(
            @RequestParam("file") MultipartFile file,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Caller caller = signedIn.caller();
        byte[] content = file.getBytes();
        String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).stripLeading();
        PartnerId partner = caller.partnerId().orElse(null);
        Received received;
        if (start.startsWith("{")) {
            received = partner == null
                    ? refused("an internal user posts invoices for a supplier through the API")
                    : submissions
                            .testing(signedIn.testMode())
                            .document(Channel.PORTAL, ApiDocuments.INVOICE, content, partner);
        } else if (EInvoices.detect(content).isPresent()) {
            received = partner == null
                    ? refused("an internal user posts invoices for a supplier through the API")
                    : submissions.testing(signedIn.testMode()).einvoice(Channel.PORTAL, content, partner);
        } else if (start.startsWith("ISA") || start.startsWith("UNA") || start.startsWith("UNB")) {
            received = intake.testing(signedIn.testMode())
                    .edi(content, "portal", partner, caller.scope(), file.getContentType(), file.getOriginalFilename());
        } else {
            received = refused(
                    "upload an X12 810, an EDIFACT INVOIC, a ZUGFeRD / Factur-X PDF, a UBL or CII e-invoice, or the"
                            + " invoice as JSON (schema /schemas/invoice.json)");
        }
        return Answers.to(received, request, model, redirect, "/portal/invoices/new");
    }

    private PurchaseOrder order(String po, Caller caller) {
        if (!PurchaseOrderNumber.isValid(po)) {
            throw new PageNotFound("purchase order " + po);
        }
        return lookup.purchaseOrder(PurchaseOrderNumber.of(po), caller.scope())
                .filter(o -> caller.isInternal() || o.partnerId().equals(caller.partner()))
                .orElseThrow(() -> new PageNotFound("purchase order " + po));
    }

    private static Received refused(String why) {
        return new Received.Refused(null, Received.Reason.INVALID, why, List.of());
    }
}
