package io.seamline.portal.web.orders;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.coordination.lookup.Lookup;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.model.Window;
import io.seamline.model.message.Channel;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.portal.api.Submissions;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.Answers;
import io.seamline.portal.web.Forms;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.pipeline.Received;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supplier's purchase orders (internal users see every supplier's): the list with each line's ordered, promised,
 * shipped and invoiced figures; the PO page with its timeline; and what a supplier answers from it — acknowledge the
 * PO, change a line's promised date or quantity (the same event as an 865), advise a shipment from open lines (the
 * same event as an 856). The answer is shown at once: applied, or sent to our team for review.
 */
@Controller
@RequestMapping("/portal/orders")
class OrderPages {

    /** Reasons a supplier can give for a changed commitment (sent as {@code reasonCode}). */
    public static final List<String> REASONS = List.of(
            "PRODUCTION_DELAY",
            "MATERIAL_SHORTAGE",
            "CAPACITY",
            "TRANSPORT",
            "QUALITY_HOLD",
            "CUSTOMER_REQUEST",
            "OTHER");

    private final Lookup lookup;
    private final Submissions submissions;
    private final SignedIn signedIn;
    private final Clock clock;

    public OrderPages(Lookup lookup, Submissions submissions, SignedIn signedIn, Clock clock) {
        this.lookup = lookup;
        this.submissions = submissions;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String partnerId,
            Model model) {
        Caller caller = signedIn.caller();
        PurchaseOrderStatus wanted = Forms.enumOrNull(PurchaseOrderStatus.class, status);
        var page = lookup.purchaseOrders(new PurchaseOrderQuery(
                caller.scope(),
                wanted,
                Forms.partnerOrNull(partnerId),
                Forms.blankToNull(q),
                Window.first(Window.MAX_LIMIT)));
        model.addAttribute("orders", page.items());
        model.addAttribute("total", page.total());
        model.addAttribute("statuses", PurchaseOrderStatus.values());
        model.addAttribute("status", wanted);
        model.addAttribute("q", q);
        model.addAttribute("partnerId", partnerId);
        return "portal/orders";
    }

    @GetMapping("/{po}")
    String order(@PathVariable String po, Model model) {
        Caller caller = signedIn.caller();
        PurchaseOrder order = find(po, caller);
        model.addAttribute("order", order);
        model.addAttribute(
                "timeline",
                lookup.purchaseOrderTimeline(order.number(), caller.scope()).orElse(List.of()));
        model.addAttribute("answers", caller.isInternal() || order.partnerId().equals(caller.partner()));
        model.addAttribute("reasons", REASONS);
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/order";
    }

    /** The supplier accepts or rejects the PO as a whole (the same event as an 855 without lines). */
    @PostMapping("/{po}/acknowledgement")
    String acknowledge(
            @PathVariable String po,
            @RequestParam String ackType,
            @RequestParam(required = false) String partnerOrderRef,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        ObjectNode document = Forms.object();
        Forms.code(document, "ackType", ackType);
        Forms.text(document, "partnerOrderRef", partnerOrderRef);
        Forms.text(document, "note", note);
        Received received = submissions
                .testing(signedIn.testMode())
                .acknowledgement(Channel.PORTAL, Forms.bytes(document), po, signedIn.caller());
        return Answers.to(received, request, model, redirect, "/portal/orders/" + po);
    }

    /** A new promised date and/or quantity for one line, with a reason (the same event as an 865). */
    @PostMapping("/{po}/lines/{line}/commitment")
    String commit(
            @PathVariable String po,
            @PathVariable String line,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String promisedDate,
            @RequestParam(required = false) String reasonCode,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        ObjectNode document = Forms.object();
        ObjectNode entry = document.putArray("lines").addObject();
        entry.put("lineNumber", line);
        Forms.number(entry, "quantity", quantity);
        Forms.text(entry, "promisedDate", promisedDate);
        Forms.text(entry, "reasonCode", reasonCode);
        Forms.text(document, "note", note);
        Received received = submissions
                .testing(signedIn.testMode())
                .commitment(Channel.PORTAL, Forms.bytes(document), po, signedIn.caller());
        return Answers.to(received, request, model, redirect, "/portal/orders/" + po);
    }

    /** The form for a ship notice from the PO's open lines. */
    @GetMapping("/{po}/ship-notice")
    String shipNoticeForm(@PathVariable String po, Model model) {
        Caller caller = signedIn.caller();
        PurchaseOrder order = find(po, caller);
        model.addAttribute("order", order);
        model.addAttribute(
                "openLines",
                order.lines().stream()
                        .filter(l -> l.openQuantity().signum() > 0)
                        .toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/ship-notice";
    }

    /** A ship notice for the quantities entered against open lines (the same event as an 856). */
    @PostMapping("/{po}/ship-notice")
    String shipNotice(
            @PathVariable String po,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = signedIn.caller();
        PurchaseOrder order = find(po, caller);
        ObjectNode document = Forms.object();
        Forms.text(document, "shipmentId", form.get("shipmentId"));
        Forms.text(document, "shipDate", form.get("shipDate"));
        Forms.text(document, "estimatedDelivery", form.get("estimatedDelivery"));
        Forms.code(document, "carrierScac", form.get("carrierScac"));
        ObjectNode references = Forms.object();
        for (String reference : List.of("bol", "pro", "container", "awb", "booking")) {
            Forms.text(references, reference, form.get(reference));
        }
        if (!references.isEmpty()) {
            document.set("references", references);
        }
        ArrayNode lines = document.putArray("lines");
        for (PurchaseOrderLine line : order.lines()) {
            String quantity = form.get("qty-" + line.lineNumber());
            if (quantity != null && !quantity.isBlank()) {
                ObjectNode entry = lines.addObject();
                entry.put("poNumber", order.number().value());
                entry.put("lineNumber", line.lineNumber());
                entry.put("itemId", line.itemId());
                Forms.number(entry, "quantity", quantity);
                entry.put("unit", line.unit());
            }
        }
        // the PO was found in the caller's scope: its own as a supplier, any as an internal user
        Received received = submissions
                .testing(signedIn.testMode())
                .document(Channel.PORTAL, ApiDocuments.SHIPMENT_NOTICE, Forms.bytes(document), order.partnerId());
        return Answers.to(received, request, model, redirect, "/portal/orders/" + po + "/ship-notice");
    }

    private PurchaseOrder find(String po, Caller caller) {
        if (!PurchaseOrderNumber.isValid(po)) {
            throw new PageNotFound("purchase order " + po);
        }
        return lookup.purchaseOrder(PurchaseOrderNumber.of(po), caller.scope())
                .orElseThrow(() -> new PageNotFound("purchase order " + po));
    }
}
