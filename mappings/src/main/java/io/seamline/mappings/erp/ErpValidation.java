package io.seamline.mappings.erp;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.erp.ErpDocuments.LineDocument;
import io.seamline.mappings.erp.ErpDocuments.Locations;
import io.seamline.mappings.erp.ErpDocuments.PurchaseOrderDocument;
import io.seamline.mappings.erp.ErpDocuments.ShipmentDocument;
import io.seamline.model.Currencies;
import io.seamline.model.Magnitude;
import io.seamline.model.Money;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.shipment.ShipmentStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Checks ERP documents field by field and turns the valid ones into model records. */
final class ErpValidation {

    private final Locations locations;
    private final List<FieldProblem> problems = new ArrayList<>();

    ErpValidation(Locations locations) {
        this.locations = locations;
    }

    List<FieldProblem> problems() {
        return problems;
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
            if (problems.size() == before) {
                shipments.add(toShipment(document));
            }
        }
        return shipments;
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
        if (line.unitPrice() == null) {
            problem(d, l, "unitPrice", "is required");
        } else if (Magnitude.UNIT_PRICE.problem(line.unitPrice()).isPresent()) {
            problem(
                    d,
                    l,
                    "unitPrice",
                    Magnitude.UNIT_PRICE.problem(line.unitPrice()).get());
        } else if (line.unitPrice().signum() < 0) {
            problem(
                    d,
                    l,
                    "unitPrice",
                    "cannot be negative, was " + line.unitPrice().toPlainString());
        }
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
