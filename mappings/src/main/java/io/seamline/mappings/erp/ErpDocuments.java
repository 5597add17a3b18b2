package io.seamline.mappings.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The ERP's documents as they arrive, every field optional until {@link ErpValidation} has looked at it. */
final class ErpDocuments {

    private ErpDocuments() {}

    record PurchaseOrderDocument(
            String poNumber,
            String partnerId,
            String currency,
            LocalDate orderDate,
            List<LineDocument> lines,
            java.time.OffsetDateTime acknowledgeBy,
            Boolean test) {}

    record LineDocument(
            String lineNumber,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            LocalDate needByDate,
            String category) {}

    record ShipmentDocument(
            String shipmentId,
            String carrierId,
            String brokerId,
            ReferencesDocument references,
            List<String> poNumbers,
            LocalDate plannedDelivery,
            MoneyDocument expectedFreight,
            RouteDocument route) {

        ShipmentDocument(
                String shipmentId,
                String carrierId,
                String brokerId,
                ReferencesDocument references,
                List<String> poNumbers,
                LocalDate plannedDelivery,
                MoneyDocument expectedFreight) {
            this(shipmentId, carrierId, brokerId, references, poNumbers, plannedDelivery, expectedFreight, null);
        }
    }

    /** An ocean or air leg to book with the carrier: ports as UN/LOCODEs, the day it should leave. */
    record RouteDocument(String portOfLoading, String portOfDischarge, LocalDate plannedDeparture) {}

    record ReferencesDocument(String bol, String pro, String container, String booking, String awb) {}

    record MoneyDocument(BigDecimal amount, String currency) {}

    /** {@code receivedAt} is a date ({@code 2026-12-06}) or a date and time with its offset. */
    record ReceiptDocument(
            String receiptId, String poNumber, String receivedAt, String shipmentId, List<ReceiptLineDocument> lines) {}

    record ReceiptLineDocument(String lineNumber, BigDecimal quantity, BigDecimal rejectedQuantity, String reason) {}

    record PaymentDocument(
            String paymentId,
            String partnerId,
            LocalDate paidAt,
            String currency,
            BigDecimal amount,
            List<PaidInvoiceDocument> invoices) {}

    record PaidInvoiceDocument(String invoiceNumber, BigDecimal amount, List<WithheldDocument> deductions) {}

    record WithheldDocument(BigDecimal amount, String reasonCode, String note) {}

    /** Names the place of a field in the source document, for problem reports. */
    interface Locations {
        /** {@code line} is -1 for a header field. */
        String of(int document, int line, String field);
    }
}
