package io.seamline.portal.api;

import io.seamline.coordination.erp.ErpImport;
import io.seamline.coordination.erp.ImportResult;
import io.seamline.coordination.payments.Remittances;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpBatch;
import io.seamline.mappings.erp.ErpJson;
import io.seamline.model.UpsertOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code /erp/purchase-orders} and {@code /erp/shipments}: the ERP's upserts, applied whole or not at all. */
@Component
class ErpApi {

    private final ErpImport erpImport;
    private final Remittances remittances;

    public ErpApi(ErpImport erpImport, Remittances remittances) {
        this.erpImport = erpImport;
        this.remittances = remittances;
    }

    /** What arrived, per PO line: received quantities, OTIF, the comparison with what was shipped. */
    public Reply receipts(ApiRequest request) {
        return apply(request, ErpJson.receipts(request.body()).map(ErpBatch::ofReceipts));
    }

    /** What the ERP paid, per invoice with its deductions: each partner gets its remittance advice once. */
    public Reply payments(ApiRequest request) {
        var parsed = ErpJson.payments(request.body());
        if (parsed instanceof Parsed.Invalid<?> invalid) {
            throw ApiProblem.badRequest("the request is not valid; nothing was imported", invalid.problems());
        }
        var result = remittances.apply(
                ((Parsed.Valid<java.util.List<io.seamline.model.payment.Payment>>) parsed).value(),
                request.caller().actor());
        if (result instanceof Remittances.Result.Rejected rejected) {
            throw ApiProblem.badRequest(
                    "the request refers to data we do not hold; nothing was imported", rejected.problems());
        }
        var applied = (Remittances.Result.Applied) result;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "created",
                applied.payments().values().stream()
                        .filter(UpsertOutcome.CREATED::equals)
                        .count());
        body.put(
                "unchanged",
                applied.payments().values().stream()
                        .filter(UpsertOutcome.UNCHANGED::equals)
                        .count());
        body.put("payments", applied.payments());
        body.put("remittanceAdvices", applied.advices());
        return Reply.ok(body);
    }

    public Reply purchaseOrders(ApiRequest request) {
        return apply(request, ErpJson.purchaseOrders(request.body()).map(ErpBatch::ofPurchaseOrders));
    }

    public Reply shipments(ApiRequest request) {
        return apply(request, ErpJson.shipmentBatch(request.body()));
    }

    private Reply apply(ApiRequest request, Parsed<ErpBatch> parsed) {
        if (parsed instanceof Parsed.Invalid<ErpBatch> invalid) {
            throw ApiProblem.badRequest("the request is not valid; nothing was imported", invalid.problems());
        }
        ImportResult result = erpImport.apply(
                ((Parsed.Valid<ErpBatch>) parsed).value(), request.caller().actor(), null);
        if (result instanceof ImportResult.Rejected rejected) {
            String detail = "the request refers to data we do not hold; nothing was imported";
            throw rejected.conflict()
                    ? ApiProblem.conflict(detail, rejected.problems())
                    : ApiProblem.badRequest(detail, rejected.problems());
        }
        var applied = (ImportResult.Applied) result;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", applied.count(UpsertOutcome.CREATED));
        body.put("updated", applied.count(UpsertOutcome.UPDATED));
        body.put("unchanged", applied.count(UpsertOutcome.UNCHANGED));
        if (!applied.purchaseOrders().isEmpty()) {
            body.put("purchaseOrders", applied.purchaseOrders());
        }
        if (!applied.shipments().isEmpty()) {
            body.put("shipments", applied.shipments());
        }
        if (!applied.receipts().isEmpty()) {
            body.put("receipts", applied.receipts());
        }
        return Reply.ok(body);
    }
}
