package io.seamline.portal.web.shipments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.coordination.lookup.Lookup;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.model.Window;
import io.seamline.model.event.DocumentReceived.DocumentType;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import io.seamline.model.message.Channel;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentQuery;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.portal.api.Submissions;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.Answers;
import io.seamline.portal.web.Forms;
import io.seamline.portal.web.Me;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.pipeline.Attached;
import io.seamline.routes.pipeline.Received;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shipments as each partner sees them: a carrier or forwarder its own, where it posts status and ETA changes (the
 * same event as a 214) and submits its freight invoice with charges and the proof of delivery (the same event as a
 * 210, the POD filed on the shipment for the freight audit); a supplier those carrying its POs; internal users all.
 * Customs brokers post an entry's status and the documents customs asks for (the same event as a CUSRES).
 */
@Controller
@RequestMapping("/portal")
class ShipmentPages {

    /** Transport statuses a carrier posts from the portal (the canonical {@code shipment.status} values). */
    public static final List<String> STATUSES =
            List.of("PICKED_UP", "IN_TRANSIT", "DELAYED", "ETA_UPDATED", "ARRIVED", "DELIVERED", "EXCEPTION");

    private final Lookup lookup;
    private final Submissions submissions;
    private final SignedIn signedIn;
    private final Clock clock;

    public ShipmentPages(Lookup lookup, Submissions submissions, SignedIn signedIn, Clock clock) {
        this.lookup = lookup;
        this.submissions = submissions;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/shipments")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String po, Model model) {
        Caller caller = signedIn.caller();
        var page = lookup.shipments(new ShipmentQuery(
                caller.scope(),
                Forms.enumOrNull(ShipmentStatus.class, status),
                null,
                Forms.blankToNull(po),
                Window.first(Window.MAX_LIMIT)));
        model.addAttribute("shipments", page.items());
        model.addAttribute("total", page.total());
        model.addAttribute("statuses", ShipmentStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("po", po);
        return "portal/shipments";
    }

    @GetMapping("/shipments/{id}")
    String shipment(@PathVariable String id, Model model) {
        Caller caller = signedIn.caller();
        Shipment shipment = find(id, caller);
        model.addAttribute("shipment", shipment);
        model.addAttribute(
                "lines",
                lookup.shipmentLines(shipment.id(), caller.scope()).stream()
                        .filter(l -> shipment.poNumbers().contains(l.poNumber()))
                        .toList());
        model.addAttribute(
                "timeline",
                lookup.shipmentTimeline(shipment.id(), caller.scope()).orElse(List.of()));
        boolean carries = caller.isInternal() || caller.partner().equals(shipment.carrierId());
        model.addAttribute("carries", carries);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("charges", ChargeCode.values());
        model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/shipment";
    }

    /** A status or ETA change for one of the carrier's shipments (the same event as a 214). */
    @PostMapping("/shipments/{id}/status")
    String status(
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) String eventTime,
            @RequestParam(required = false) String estimatedDelivery,
            @RequestParam(required = false) String reasonCode,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String country,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        ObjectNode document = Forms.object();
        Forms.code(document, "status", status);
        Forms.text(
                document,
                "eventTime",
                Forms.filled(eventTime)
                        ? eventTime
                        : LocalDateTime.now(clock)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString());
        Forms.text(document, "estimatedDelivery", estimatedDelivery);
        Forms.text(document, "reasonCode", reasonCode);
        ObjectNode location = Forms.object();
        Forms.text(location, "city", city);
        Forms.code(location, "country", country);
        if (!location.isEmpty()) {
            document.set("location", location);
        }
        Received received = submissions
                .testing(signedIn.testMode())
                .shipmentStatus(Channel.PORTAL, Forms.bytes(document), id, signedIn.caller());
        return Answers.to(received, request, model, redirect, "/portal/shipments/" + id);
    }

    /**
     * The carrier's freight invoice for the shipment: charges by code, and the proof of delivery as evidence (filed on
     * the shipment before the invoice is audited).
     */
    @PostMapping("/shipments/{id}/freight-invoice")
    String freightInvoice(
            @PathVariable String id,
            @RequestParam String invoiceNumber,
            @RequestParam(required = false) String invoiceDate,
            @RequestParam(required = false) String currency,
            @RequestParam(name = "chargeCode", required = false) List<String> codes,
            @RequestParam(name = "chargeAmount", required = false) List<String> amounts,
            @RequestParam(name = "pod", required = false) MultipartFile pod,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = signedIn.caller();
        Shipment shipment = find(id, caller);
        Me me = signedIn.me();
        ObjectNode document = Forms.object();
        Forms.text(document, "invoiceNumber", invoiceNumber);
        document.put("kind", "FREIGHT");
        Forms.text(
                document,
                "invoiceDate",
                Forms.filled(invoiceDate) ? invoiceDate : LocalDate.now(clock).toString());
        Forms.code(document, "currency", Forms.filled(currency) ? currency : freightCurrency(shipment));
        if (me.partner() != null) {
            me.partner().identifiers(IdentifierScheme.SCAC).stream()
                    .map(PartnerIdentifier::value)
                    .findFirst()
                    .ifPresent(scac -> document.put("carrierScac", scac));
        }
        ObjectNode references = document.putObject("references");
        references.put("shipmentId", shipment.id().value());
        Forms.text(references, "bol", shipment.references().bol());
        Forms.text(references, "pro", shipment.references().pro());
        ArrayNode charges = document.putArray("charges");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; codes != null && i < codes.size(); i++) {
            String amount = Forms.at(amounts, i);
            if (!Forms.filled(codes.get(i)) || !Forms.filled(amount)) {
                continue;
            }
            ObjectNode charge = charges.addObject();
            Forms.code(charge, "code", codes.get(i));
            Forms.number(charge, "amount", amount);
            if (charge.path("amount").isNumber()) {
                total = total.add(charge.path("amount").decimalValue());
            }
        }
        document.put("total", total);
        if (!shipment.poNumbers().isEmpty()) {
            ArrayNode pos = document.putArray("poNumbers");
            shipment.poNumbers().forEach(po -> pos.add(po.value()));
        }
        var files = new ArrayList<Attached>();
        if (pod != null && !pod.isEmpty()) {
            files.add(attached(DocumentType.POD, pod));
        }
        Received received = submissions
                .testing(signedIn.testMode())
                .aboutShipment(Channel.PORTAL, ApiDocuments.INVOICE, Forms.bytes(document), id, caller, files);
        return Answers.to(received, request, model, redirect, "/portal/shipments/" + id);
    }

    /** The broker's page: post a customs entry's status and the documents customs asks for. */
    @GetMapping("/customs")
    String customs(Model model) {
        broker();
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/customs";
    }

    @PostMapping("/customs")
    String customsStatus(
            @RequestParam String entryNumber,
            @RequestParam String status,
            @RequestParam(required = false) String shipmentId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String documentsRequested,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = broker();
        ObjectNode document = Forms.object();
        Forms.text(document, "entryNumber", entryNumber);
        Forms.code(document, "status", status);
        Forms.text(document, "reason", reason);
        if (Forms.filled(shipmentId)) {
            document.putObject("references").put("shipmentId", shipmentId.strip());
        }
        if (Forms.filled(documentsRequested)) {
            ArrayNode documents = document.putArray("documentsRequested");
            documentsRequested
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .forEach(documents::add);
        }
        Received received =
                submissions.testing(signedIn.testMode()).customsStatus(Channel.PORTAL, Forms.bytes(document), caller);
        return Answers.to(received, request, model, redirect, "/portal/customs");
    }

    /** Customs status comes from a customs broker's user; for anyone else the page does not exist. */
    private Caller broker() {
        if (!signedIn.me().broker()) {
            throw new PageNotFound("the customs page");
        }
        return signedIn.caller();
    }

    private Shipment find(String id, Caller caller) {
        if (!ShipmentId.isValid(id)) {
            throw new PageNotFound("shipment " + id);
        }
        return lookup.shipment(ShipmentId.of(id), caller.scope()).orElseThrow(() -> new PageNotFound("shipment " + id));
    }

    private static String freightCurrency(Shipment shipment) {
        return shipment.expectedFreight() == null
                ? "USD"
                : shipment.expectedFreight().currency();
    }

    static Attached attached(DocumentType type, MultipartFile file) {
        try {
            return new Attached(type, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
