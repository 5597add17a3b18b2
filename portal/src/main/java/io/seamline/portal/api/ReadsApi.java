package io.seamline.portal.api;

import io.seamline.coordination.lookup.Lookup;
import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageQuery;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentQuery;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.portal.api.Views.MessageView;
import io.seamline.portal.api.Views.PurchaseOrderView;
import io.seamline.portal.api.Views.ShipmentView;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads of purchase orders, shipments and archived messages, scoped to the caller: a partner asking for another
 * partner's object gets the same 404 as for one that does not exist.
 */
@Component
class ReadsApi {

    private final Lookup lookup;

    public ReadsApi(Lookup lookup) {
        this.lookup = lookup;
    }

    public Reply purchaseOrders(ApiRequest request) {
        var query = new PurchaseOrderQuery(
                request.caller().scope(),
                Queries.enumeration(request, "status", PurchaseOrderStatus.class),
                Queries.partnerId(request, "partnerId"),
                request.queryParam("q").orElse(null),
                Queries.window(request));
        return Reply.ok(
                Pages.of(lookup.purchaseOrders(query).map(PurchaseOrderView::of), Pages.PurchaseOrderPage::new));
    }

    public Reply purchaseOrder(ApiRequest request) {
        String po = request.pathParam("po");
        if (!PurchaseOrderNumber.isValid(po)) {
            throw ApiProblem.notFound("purchase order " + po);
        }
        return lookup.purchaseOrder(PurchaseOrderNumber.of(po), request.caller().scope())
                .map(PurchaseOrderView::of)
                .map(Reply::ok)
                .orElseThrow(() -> ApiProblem.notFound("purchase order " + po));
    }

    public Reply shipments(ApiRequest request) {
        var query = new ShipmentQuery(
                request.caller().scope(),
                Queries.enumeration(request, "status", ShipmentStatus.class),
                Queries.partnerId(request, "carrierId"),
                request.queryParam("poNumber").orElse(null),
                Queries.window(request));
        return Reply.ok(Pages.of(lookup.shipments(query).map(ShipmentView::of), Pages.ShipmentPage::new));
    }

    public Reply shipment(ApiRequest request) {
        String id = request.pathParam("id");
        if (!ShipmentId.isValid(id)) {
            throw ApiProblem.notFound("shipment " + id);
        }
        return lookup.shipment(ShipmentId.of(id), request.caller().scope())
                .map(ShipmentView::of)
                .map(Reply::ok)
                .orElseThrow(() -> ApiProblem.notFound("shipment " + id));
    }

    public Reply messages(ApiRequest request) {
        var query = new MessageQuery(
                request.caller().scope(),
                Queries.partnerId(request, "partnerId"),
                Queries.enumeration(request, "status", MessageStatus.class),
                Queries.enumeration(request, "direction", Direction.class),
                request.queryParam("controlNumber").orElse(null),
                Queries.instant(request, "from"),
                Queries.instant(request, "to"),
                Queries.window(request));
        return Reply.ok(Pages.of(lookup.messages(query).map(m -> MessageView.of(m, null)), Pages.MessagePage::new));
    }

    public Reply message(ApiRequest request) {
        MessageId id = messageId(request);
        var scope = request.caller().scope();
        List<Object> events = lookup.eventsOf(id, scope).stream()
                .map(e -> (Object) CloudEventsJson.toNode(e))
                .toList();
        return lookup.message(id, scope)
                .map(m -> MessageView.of(m, events, m.test() ? lookup.wouldHave(id, scope) : null))
                .map(Reply::ok)
                .orElseThrow(() -> ApiProblem.notFound("message " + id));
    }

    public Reply raw(ApiRequest request) {
        MessageId id = messageId(request);
        var scope = request.caller().scope();
        var message = lookup.message(id, scope).orElseThrow(() -> ApiProblem.notFound("message " + id));
        byte[] content = lookup.messageContent(id, scope).orElseThrow(() -> ApiProblem.notFound("message " + id));
        String name = message.fileName() != null ? message.fileName() : message.id() + ".dat";
        return Reply.bytes(content, RawBytes.mediaType(message.mediaType()), RawBytes.headers(name, message.sha256()));
    }

    private static MessageId messageId(ApiRequest request) {
        String id = request.pathParam("id");
        try {
            return new MessageId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("message " + id);
        }
    }
}
