package io.seamline.mappings.erp;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.erp.ErpDocuments.LineDocument;
import io.seamline.mappings.erp.ErpDocuments.Locations;
import io.seamline.mappings.erp.ErpDocuments.PaidInvoiceDocument;
import io.seamline.mappings.erp.ErpDocuments.PaymentDocument;
import io.seamline.mappings.erp.ErpDocuments.PurchaseOrderDocument;
import io.seamline.mappings.erp.ErpDocuments.ReceiptDocument;
import io.seamline.mappings.erp.ErpDocuments.ReceiptLineDocument;
import io.seamline.mappings.erp.ErpDocuments.ShipmentDocument;
import io.seamline.mappings.erp.ErpDocuments.WithheldDocument;
import io.seamline.model.Currencies;
import io.seamline.model.Magnitude;
import io.seamline.model.Money;
import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.payment.Payment;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.shipment.ShipmentRoute;
import io.seamline.model.shipment.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Checks ERP documents field by field and turns the valid ones into model records. */
final class ErpValidation {

    private final Locations locations;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final java.util.Map<String, ShipmentRoute> routes = new java.util.LinkedHashMap<>();

    ErpValidation(Locations locations) {
        this.locations = locations;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** The routes the valid shipments came with, by shipment id. */
    java.util.Map<String, ShipmentRoute> routes() {
        return routes;
    }

    List<PurchaseOrder> purchaseOrders(List<PurchaseOrderDocument> documents) {
        var orders = new ArrayList<PurchaseOrder>();
        var numbers = new HashSet<String>();
        for (int d = 0; d < documents.size(); d++) {
            PurchaseOrderDocument document = documents.get(d);
            int before = problems.size();
            checkPurchaseOrder(d, document);
            if (document.poNumber() != null && !numbers.add(document.poNumber().trim())) {
                problem(d, -1, "poNumber", "PO " + document.poNumber() + " appears twice in this request");
            }
            if (problems.size() == before) {
                orders.add(toPurchaseOrder(document));
            }
        }
        return orders;
    }

    List<Shipment> shipments(List<ShipmentDocument> documents) {
        var shipments = new ArrayList<Shipment>();
        var ids = new HashSet<String>();
        for (int d = 0; d < documents.size(); d++) {
            ShipmentDocument document = documents.get(d);
            int before = problems.size();
            checkShipment(d, document);
            if (document.shipmentId() != null && !ids.add(document.shipmentId().trim())) {
                problem(d, -1, "shipmentId", "shipment " + document.shipmentId() + " appears twice in this request");
            }
            checkRoute(d, document.route());
            if (problems.size() == before) {
                shipments.add(toShipment(document));
                if (document.route() != null) {
                    routes.put(
                            document.shipmentId().trim(),
                            new ShipmentRoute(
                                    upper(document.route().portOfLoading()),
                                    upper(document.route().portOfDischarge()),
                                    document.route().plannedDeparture()));
                }
            }
        }
        return shipments;
    }

    List<GoodsReceipt> receipts(List<ReceiptDocument> documents) {
        var receipts = new ArrayList<GoodsReceipt>();
        var ids = new HashSet<String>();
        for (int d = 0; d < documents.size(); d++) {
            ReceiptDocument document = documents.get(d);
            int before = problems.size();
            Instant receivedAt = checkReceipt(d, document);
            if (document.receiptId() != null && !ids.add(document.receiptId().trim())) {
                problem(d, -1, "receiptId", "receipt " + document.receiptId() + " appears twice in this request");
            }
            if (problems.size() == before) {
                receipts.add(new GoodsReceipt(
                        document.receiptId().trim(),
                        PurchaseOrderNumber.of(document.poNumber()),
                        receivedAt,
                        blankToNull(document.shipmentId()),
                        document.lines().stream()
                                .map(l -> new GoodsReceipt.Line(
                                        l.lineNumber().trim(),
                                        l.quantity(),
                                        l.rejectedQuantity(),
                                        blankToNull(l.reason())))
                                .toList()));
            }
        }
        return receipts;
    }

    private Instant checkReceipt(int d, ReceiptDocument receipt) {
        if (receipt.receiptId() == null || receipt.receiptId().isBlank()) {
            problem(d, -1, "receiptId", "is required");
        } else if (receipt.receiptId().trim().length() > 64) {
            problem(d, -1, "receiptId", "is at most 64 characters");
        }
        if (receipt.poNumber() == null || receipt.poNumber().isBlank()) {
            problem(d, -1, "poNumber", "is required");
        } else if (!PurchaseOrderNumber.isValid(receipt.poNumber())) {
            problem(d, -1, "poNumber", "must be 1 to 22 letters, digits, '.', '_' or '-'");
        }
        if (receipt.shipmentId() != null
                && !receipt.shipmentId().isBlank()
                && !ShipmentId.isValid(receipt.shipmentId())) {
            problem(d, -1, "shipmentId", "not a shipment id: " + receipt.shipmentId());
        }
        Instant receivedAt = instant(receipt.receivedAt());
        if (receivedAt == null) {
            problem(d, -1, "receivedAt", "is required: a date (YYYY-MM-DD) or a date and time with its offset");
        }
        if (receipt.lines() == null || receipt.lines().isEmpty()) {
            problem(d, -1, "lines", "a receipt needs at least one line");
            return receivedAt;
        }
        var lineNumbers = new HashSet<String>();
        for (int l = 0; l < receipt.lines().size(); l++) {
            ReceiptLineDocument line = receipt.lines().get(l);
            if (line == null) {
                problem(d, l, "", "a line cannot be null");
                continue;
            }
            if (line.lineNumber() == null || line.lineNumber().isBlank()) {
                problem(d, l, "lineNumber", "is required");
            } else if (!lineNumbers.add(line.lineNumber().trim())) {
                problem(
                        d,
                        l,
                        "lineNumber",
                        "duplicate line number " + line.lineNumber().trim());
            }
            checkNumber(d, l, "quantity", line.quantity(), Magnitude.QUANTITY);
            if (line.rejectedQuantity() != null) {
                if (line.rejectedQuantity().signum() < 0) {
                    problem(d, l, "rejectedQuantity", "cannot be negative");
                } else if (line.quantity() != null && line.rejectedQuantity().compareTo(line.quantity()) > 0) {
                    problem(d, l, "rejectedQuantity", "cannot be more than the quantity received");
                }
                if (line.rejectedQuantity().signum() > 0
                        && (line.reason() == null || line.reason().isBlank())) {
                    problem(d, l, "reason", "is required when a quantity is rejected");
                }
            }
        }
        return receivedAt;
    }

    List<Payment> payments(List<PaymentDocument> documents) {
        var payments = new ArrayList<Payment>();
        var ids = new HashSet<String>();
        for (int d = 0; d < documents.size(); d++) {
            PaymentDocument document = documents.get(d);
            int before = problems.size();
            checkPayment(d, document);
            if (document.paymentId() != null && !ids.add(document.paymentId().trim())) {
                problem(d, -1, "paymentId", "payment " + document.paymentId() + " appears twice in this request");
            }
            if (problems.size() == before) {
                payments.add(new Payment(
                        document.paymentId().trim(),
                        PartnerId.of(document.partnerId().trim()),
                        document.paidAt(),
                        document.currency().trim(),
                        document.amount(),
                        document.invoices().stream()
                                .map(i -> new Payment.PaidInvoice(
                                        i.invoiceNumber().trim(),
                                        i.amount(),
                                        i.deductions() == null
                                                ? List.of()
                                                : i.deductions().stream()
                                                        .map(w -> new Payment.Withheld(
                                                                w.amount(),
                                                                w.reasonCode().trim(),
                                                                blankToNull(w.note())))
                                                        .toList()))
                                .toList()));
            }
        }
        return payments;
    }

    private void checkPayment(int d, PaymentDocument payment) {
        if (payment.paymentId() == null || payment.paymentId().isBlank()) {
            problem(d, -1, "paymentId", "is required");
        } else if (payment.paymentId().trim().length() > 64) {
            problem(d, -1, "paymentId", "is at most 64 characters");
        }
        checkPartnerId(d, "partnerId", payment.partnerId());
        if (payment.paidAt() == null) {
            problem(d, -1, "paidAt", "is required (YYYY-MM-DD)");
        }
        checkCurrency(d, -1, "currency", payment.currency());
        checkAmount(d, "amount", payment.amount());
        if (payment.invoices() == null || payment.invoices().isEmpty()) {
            problem(d, -1, "invoices", "a payment pays at least one invoice");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal deducted = BigDecimal.ZERO;
        for (int i = 0; i < payment.invoices().size(); i++) {
            PaidInvoiceDocument invoice = payment.invoices().get(i);
            String at = "invoices[" + i + "]";
            if (invoice == null) {
                problem(d, -1, at, "cannot be null");
                continue;
            }
            if (invoice.invoiceNumber() == null || invoice.invoiceNumber().isBlank()) {
                problem(d, -1, at + ".invoiceNumber", "is required");
            }
            checkAmount(d, at + ".amount", invoice.amount());
            if (invoice.amount() != null) {
                sum = sum.add(invoice.amount());
            }
            if (invoice.deductions() == null) {
                continue;
            }
            for (int w = 0; w < invoice.deductions().size(); w++) {
                WithheldDocument withheld = invoice.deductions().get(w);
                String wat = at + ".deductions[" + w + "]";
                if (withheld == null) {
                    problem(d, -1, wat, "cannot be null");
                    continue;
                }
                checkAmount(d, wat + ".amount", withheld.amount());
                if (withheld.amount() != null) {
                    deducted = deducted.add(withheld.amount());
                }
                if (withheld.reasonCode() == null || withheld.reasonCode().isBlank()) {
                    problem(d, -1, wat + ".reasonCode", "is required");
                } else if (!withheld.reasonCode().trim().matches("[A-Za-z0-9]{1,6}")) {
                    problem(d, -1, wat + ".reasonCode", "1 to 6 letters or digits (an adjustment reason code)");
                }
            }
        }
        // the invoices' amounts are what was paid on each, or what each billed before its deductions
        if (payment.amount() != null
                && sum.compareTo(payment.amount()) != 0
                && sum.subtract(deducted).compareTo(payment.amount()) != 0) {
            problem(
                    d,
                    -1,
                    "amount",
                    "the invoices' amounts add up to " + sum.toPlainString()
                            + (deducted.signum() == 0
                                    ? ""
                                    : " (" + sum.subtract(deducted).toPlainString() + " after deductions)")
                            + ", not " + payment.amount().toPlainString());
        }
    }

    private void checkAmount(int d, String field, BigDecimal amount) {
        checkNumber(d, -1, field, amount, Magnitude.AMOUNT);
    }

    /** A required number within its magnitude, never negative. */
    private void checkNumber(int d, int l, String field, BigDecimal value, Magnitude magnitude) {
        if (value == null) {
            problem(d, l, field, "is required");
        } else if (magnitude.problem(value).isPresent()) {
            problem(d, l, field, magnitude.problem(value).get());
        } else if (value.signum() < 0) {
            problem(d, l, field, "cannot be negative, was " + value.toPlainString());
        }
    }

    /** A date (midnight UTC) or a date and time with its offset, or null. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return java.time.LocalDate.parse(t)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(t).toInstant();
            } catch (java.time.format.DateTimeParseException again) {
                try {
                    // a date and time without its offset is the ERP's UTC
                    return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
                } catch (java.time.format.DateTimeParseException last) {
                    return null;
                }
            }
        }
    }

    private void checkPurchaseOrder(int d, PurchaseOrderDocument po) {
        if (po.poNumber() == null || po.poNumber().isBlank()) {
            problem(d, -1, "poNumber", "is required");
        } else if (!PurchaseOrderNumber.isValid(po.poNumber())) {
            problem(d, -1, "poNumber", "must be 1 to 22 letters, digits, '.', '_' or '-'");
        }
        checkPartnerId(d, "partnerId", po.partnerId());
        checkCurrency(d, -1, "currency", po.currency());
        if (po.orderDate() == null) {
            problem(d, -1, "orderDate", "is required (YYYY-MM-DD)");
        }
        if (po.lines() == null || po.lines().isEmpty()) {
            problem(d, -1, "lines", "a purchase order needs at least one line");
            return;
        }
        var lineNumbers = new HashSet<String>();
        for (int l = 0; l < po.lines().size(); l++) {
            LineDocument line = po.lines().get(l);
            if (line == null) {
                problem(d, l, "", "a line cannot be null");
                continue;
            }
            checkLine(d, l, line);
            if (line.lineNumber() != null && !lineNumbers.add(line.lineNumber().trim())) {
                problem(
                        d,
                        l,
                        "lineNumber",
                        "duplicate line number " + line.lineNumber().trim());
            }
        }
    }

    private void checkLine(int d, int l, LineDocument line) {
        if (line.lineNumber() == null || line.lineNumber().isBlank()) {
            problem(d, l, "lineNumber", "is required");
        } else if (!line.lineNumber().trim().matches("[A-Za-z0-9._-]{1,20}")) {
            problem(d, l, "lineNumber", "must be 1 to 20 letters, digits, '.', '_' or '-'");
        }
        if (line.itemId() == null || line.itemId().isBlank()) {
            problem(d, l, "itemId", "is required");
        }
        if (line.quantity() == null) {
            problem(d, l, "quantity", "is required");
        } else if (Magnitude.QUANTITY.problem(line.quantity()).isPresent()) {
            problem(
                    d,
                    l,
                    "quantity",
                    Magnitude.QUANTITY.problem(line.quantity()).get());
        } else if (line.quantity().signum() <= 0) {
            problem(
                    d,
                    l,
                    "quantity",
                    "must be greater than 0, was " + line.quantity().toPlainString());
        }
        if (line.unit() == null || line.unit().isBlank()) {
            problem(d, l, "unit", "is required (EA, KG, …)");
        }
        checkNumber(d, l, "unitPrice", line.unitPrice(), Magnitude.UNIT_PRICE);
        if (line.needByDate() == null) {
            problem(d, l, "needByDate", "is required (YYYY-MM-DD)");
        }
    }

    private void checkShipment(int d, ShipmentDocument shipment) {
        if (shipment.shipmentId() == null || shipment.shipmentId().isBlank()) {
            problem(d, -1, "shipmentId", "is required");
        } else if (!ShipmentId.isValid(shipment.shipmentId())) {
            problem(d, -1, "shipmentId", "must be 1 to 35 letters, digits, '.', '_' or '-'");
        }
        checkPartnerId(d, "carrierId", shipment.carrierId());
        if (shipment.brokerId() != null && !shipment.brokerId().isBlank() && !PartnerId.isValid(shipment.brokerId())) {
            problem(d, -1, "brokerId", "not a partner id: " + shipment.brokerId());
        }
        List<String> poNumbers = shipment.poNumbers() == null ? List.of() : shipment.poNumbers();
        var seen = new HashSet<String>();
        for (int p = 0; p < poNumbers.size(); p++) {
            String po = poNumbers.get(p);
            String field = "poNumbers[" + p + "]";
            if (!PurchaseOrderNumber.isValid(po)) {
                problem(d, -1, field, "not a purchase order number: " + po);
            } else if (!seen.add(po.trim())) {
                problem(d, -1, field, "PO " + po + " is listed twice");
            }
        }
        var freight = shipment.expectedFreight();
        if (freight != null) {
            if (freight.amount() == null) {
                problem(d, -1, "expectedFreight.amount", "is required when expectedFreight is given");
            } else if (Magnitude.AMOUNT.problem(freight.amount()).isPresent()) {
                problem(
                        d,
                        -1,
                        "expectedFreight.amount",
                        Magnitude.AMOUNT.problem(freight.amount()).get());
            } else if (freight.amount().signum() < 0) {
                problem(d, -1, "expectedFreight.amount", "cannot be negative");
            }
            checkCurrency(d, -1, "expectedFreight.currency", freight.currency());
        }
    }

    private void checkPartnerId(int d, String field, String value) {
        if (value == null || value.isBlank()) {
            problem(d, -1, field, "is required");
        } else if (!PartnerId.isValid(value)) {
            problem(d, -1, field, "not a partner id: " + value);
        }
    }

    private void checkCurrency(int d, int l, String field, String value) {
        if (value == null || value.isBlank()) {
            problem(d, l, field, "is required (ISO-4217, such as EUR)");
        } else if (!Currencies.isCode(value)) {
            problem(d, l, field, "not an ISO-4217 currency code: " + value);
        }
    }

    private void problem(int document, int line, String field, String message) {
        problems.add(new FieldProblem(locations.of(document, line, field), message));
    }

    private static PurchaseOrder toPurchaseOrder(PurchaseOrderDocument po) {
        var lines = po.lines().stream()
                .map(l -> PurchaseOrderLine.ordered(
                        l.lineNumber().trim(),
                        l.itemId().trim(),
                        blankToNull(l.partnerItemId()),
                        l.quantity(),
                        l.unit().trim(),
                        l.unitPrice(),
                        l.needByDate(),
                        l.category()))
                .toList();
        return new PurchaseOrder(
                PurchaseOrderNumber.of(po.poNumber()),
                PartnerId.of(po.partnerId()),
                po.currency(),
                po.orderDate(),
                PurchaseOrderStatus.OPEN,
                lines,
                po.acknowledgeBy() == null ? null : po.acknowledgeBy().toInstant(),
                Boolean.TRUE.equals(po.test()));
    }

    private void checkRoute(int d, ErpDocuments.RouteDocument route) {
        if (route == null) {
            return;
        }
        for (String[] port : new String[][] {
            {"route.portOfLoading", route.portOfLoading()}, {"route.portOfDischarge", route.portOfDischarge()}
        }) {
            if (port[1] == null
                    || !port[1].trim().toUpperCase(java.util.Locale.ROOT).matches("[A-Z]{2}[A-Z2-9]{3}")) {
                problem(d, -1, port[0], "a UN/LOCODE (two letters of the country, three of the place) is required");
            }
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static Shipment toShipment(ShipmentDocument s) {
        var refs = s.references();
        var references = refs == null
                ? ShipmentReferences.none()
                : new ShipmentReferences(refs.bol(), refs.pro(), refs.container(), refs.booking(), refs.awb());
        var poNumbers = s.poNumbers() == null
                ? List.<PurchaseOrderNumber>of()
                : s.poNumbers().stream().map(PurchaseOrderNumber::of).toList();
        var freight = s.expectedFreight();
        Money expected = freight == null ? null : new Money(freight.amount(), freight.currency());
        return new Shipment(
                ShipmentId.of(s.shipmentId()),
                PartnerId.of(s.carrierId()),
                s.brokerId() == null || s.brokerId().isBlank() ? null : PartnerId.of(s.brokerId()),
                references,
                poNumbers,
                s.plannedDelivery(),
                null,
                expected,
                ShipmentStatus.PLANNED);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
