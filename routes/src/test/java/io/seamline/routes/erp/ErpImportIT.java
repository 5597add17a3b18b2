package io.seamline.routes.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Timelines;
import io.seamline.coordination.erp.ErpImport;
import io.seamline.coordination.erp.ImportResult;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpBatch;
import io.seamline.mappings.erp.ErpJson;
import io.seamline.model.Subject;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.timeline.TimelineKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ErpImportIT {

    @Autowired
    ErpImport erpImport;

    @Autowired
    Partners partners;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    Timelines timelines;

    private String supplier;
    private String carrier;

    @BeforeEach
    void partners() {
        supplier = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        carrier = "car-" + UUID.randomUUID().toString().substring(0, 8);
        partners.add(new Partner(
                PartnerId.of(supplier), "S", PartnerRole.SUPPLIER, List.of(), List.of(), Map.of(), Map.of()));
        partners.add(
                new Partner(PartnerId.of(carrier), "C", PartnerRole.CARRIER, List.of(), List.of(), Map.of(), Map.of()));
    }

    private String po(String number, String partner) {
        return """
                {"poNumber": "%s", "partnerId": "%s", "currency": "EUR", "orderDate": "2026-11-02",
                 "lines": [{"lineNumber": "1", "itemId": "W-1", "quantity": 5, "unit": "EA", "unitPrice": 3,
                            "needByDate": "2026-12-01"}]}
                """
                .formatted(number, partner);
    }

    private static ErpBatch batch(String json) {
        var parsed = ErpJson.batch(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<ErpBatch>) parsed).value();
    }

    private static String number() {
        return "PO" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void appliesPurchaseOrdersAndRemembersTheImportOnTheirTimeline() {
        String number = number();

        var result = erpImport.apply(batch(po(number, supplier)), "erp", null);

        assertThat(result).isInstanceOf(ImportResult.Applied.class);
        assertThat(((ImportResult.Applied) result).purchaseOrders()).containsEntry(number, UpsertOutcome.CREATED);
        assertThat(imports(Subject.purchaseOrder(number), true)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.IMPORT);
            assertThat(e.summary()).contains("created by the ERP");
            assertThat(e.actor()).isEqualTo("erp");
        });
    }

    @Test
    void writesNothingWhenOnePurchaseOrderOfTheBatchIsWrong() {
        String good = number();
        String bad = number();

        var result = erpImport.apply(batch("[" + po(good, supplier) + "," + po(bad, "nobody-here") + "]"), "erp", null);

        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        assertThat(((ImportResult.Rejected) result).problems())
                .containsExactly(new FieldProblem("[1].partnerId", "unknown partner: nobody-here"));
        assertThat(purchaseOrders.ownerOf(PurchaseOrderNumber.of(good))).isEmpty();
    }

    @Test
    void refusesToMoveAPurchaseOrderToAnotherSupplier() {
        String number = number();
        erpImport.apply(batch(po(number, supplier)), "erp", null);
        String other = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        partners.add(
                new Partner(PartnerId.of(other), "O", PartnerRole.SUPPLIER, List.of(), List.of(), Map.of(), Map.of()));

        var result = erpImport.apply(batch(po(number, other)), "erp", null);

        assertThat(result).isInstanceOfSatisfying(ImportResult.Rejected.class, r -> {
            assertThat(r.conflict()).isTrue();
            assertThat(r.problems().get(0).message()).contains("cannot change supplier");
        });
        assertThat(purchaseOrders.ownerOf(PurchaseOrderNumber.of(number))).hasValue(PartnerId.of(supplier));
    }

    @Test
    void refusesAPurchaseOrderForACarrier() {
        var result = erpImport.apply(batch(po(number(), carrier)), "erp", null);

        assertThat(((ImportResult.Rejected) result).problems().get(0).message()).contains("not a SUPPLIER");
    }

    @Test
    void importsAShipmentForKnownOrdersAndRefusesUnknownOnes() {
        String number = number();
        erpImport.apply(batch(po(number, supplier)), "erp", null);

        var ok = erpImport.apply(
                batch("{\"shipmentId\": \"SH-" + number + "\", \"carrierId\": \"" + carrier + "\", \"poNumbers\": [\""
                        + number + "\"]}"),
                "erp",
                null);
        var unknown = erpImport.apply(
                batch("{\"shipmentId\": \"SH2-" + number + "\", \"carrierId\": \"" + carrier
                        + "\", \"poNumbers\": [\"NOPE-1\"]}"),
                "erp",
                null);

        assertThat(ok).isInstanceOf(ImportResult.Applied.class);
        assertThat(((ImportResult.Rejected) unknown).problems())
                .containsExactly(new FieldProblem("poNumbers[0]", "unknown purchase order: NOPE-1"));
        assertThat(imports(Subject.shipment("SH-" + number), false)).hasSize(1);
    }

    @Test
    void leavesNoTraceWhenNothingChanged() {
        String number = number();
        erpImport.apply(batch(po(number, supplier)), "erp", null);

        var again = erpImport.apply(batch(po(number, supplier)), "erp", null);

        assertThat(((ImportResult.Applied) again).purchaseOrders()).containsEntry(number, UpsertOutcome.UNCHANGED);
        assertThat(imports(Subject.purchaseOrder(number), false)).hasSize(1);
        assertThat(purchaseOrders.find(PurchaseOrderNumber.of(number), PartnerScope.everyone()))
                .isPresent();
    }

    /** The IMPORT entries of a subject (a new PO is also sent to its supplier: a RESPONSE entry). */
    private java.util.List<io.seamline.model.timeline.TimelineEntry> imports(Subject subject, boolean partnerView) {
        return timelines.of(subject, partnerView).stream()
                .filter(e -> e.kind() == io.seamline.model.timeline.TimelineKind.IMPORT)
                .toList();
    }
}
