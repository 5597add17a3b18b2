package io.seamline.mappings.erp;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpDocuments.LineDocument;
import io.seamline.mappings.erp.ErpDocuments.MoneyDocument;
import io.seamline.mappings.erp.ErpDocuments.PurchaseOrderDocument;
import io.seamline.mappings.erp.ErpDocuments.ReceiptDocument;
import io.seamline.mappings.erp.ErpDocuments.ReceiptLineDocument;
import io.seamline.mappings.erp.ErpDocuments.ReferencesDocument;
import io.seamline.mappings.erp.ErpDocuments.ShipmentDocument;
import io.seamline.model.Magnitude;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the ERP's CSV files. A header row names the columns (any order); a purchase order file has one row per PO
 * line, a shipment file one row per shipment with {@code poNumbers} separated by {@code ;}. Problems are located
 * as {@code row N, column name}, counting the header as row 1.
 */
final class ErpCsv {

    /** Columns of a purchase order file; {@code partnerItemId} and {@code category} may be empty or left out. */
    public static final List<String> PURCHASE_ORDER_COLUMNS = List.of(
            "poNumber",
            "partnerId",
            "currency",
            "orderDate",
            "lineNumber",
            "itemId",
            "partnerItemId",
            "quantity",
            "unit",
            "unitPrice",
            "needByDate",
            "category");

    /** Columns of a shipment file; all but {@code shipmentId} and {@code carrierId} may be empty. */
    public static final List<String> SHIPMENT_COLUMNS = List.of(
            "shipmentId",
            "carrierId",
            "brokerId",
            "bol",
            "pro",
            "container",
            "booking",
            "awb",
            "poNumbers",
            "plannedDelivery",
            "expectedFreightAmount",
            "expectedFreightCurrency");

    private static final Set<String> OPTIONAL_SHIPMENT_COLUMNS = Set.of(
            "brokerId",
            "bol",
            "pro",
            "container",
            "booking",
            "awb",
            "poNumbers",
            "plannedDelivery",
            "expectedFreightAmount",
            "expectedFreightCurrency");

    /** Columns of a goods receipt file, one row per PO line received; the last three may be empty or left out. */
    public static final List<String> RECEIPT_COLUMNS = List.of(
            "receiptId",
            "poNumber",
            "receivedAt",
            "lineNumber",
            "quantity",
            "shipmentId",
            "rejectedQuantity",
            "reason");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private ErpCsv() {}

    /** Reads whichever the header describes: a shipment file has a {@code shipmentId} column. */
    public static Parsed<ErpBatch> batch(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                return Parsed.invalid("row 1", "the file is empty; expected a header row");
            }
            List<CSVRecord> records = parser.getRecords();
            if (header.contains("receiptId")) {
                return readReceipts(header, records).map(ErpBatch::ofReceipts);
            }
            if (header.contains("shipmentId")) {
                return readShipments(header, records).map(ErpBatch::ofShipments);
            }
            return readPurchaseOrders(header, records).map(ErpBatch::ofPurchaseOrders);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Parsed.invalid("file", "not readable as CSV: " + e.getMessage());
        }
    }

    private static Parsed<List<io.seamline.model.order.PurchaseOrder>> readPurchaseOrders(
            List<String> header, List<CSVRecord> records) {
        var problems = new ArrayList<FieldProblem>(
                checkHeader(header, PURCHASE_ORDER_COLUMNS, Set.of("partnerItemId", "category")));
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        if (records.isEmpty()) {
            return Parsed.invalid("row 2", "no purchase order lines after the header");
        }
        var cells = new Cells(problems);
        Map<String, Grouped> byPo = new LinkedHashMap<>();
        for (CSVRecord record : records) {
            long row = row(record);
            String po = cells.text(record, row, "poNumber");
            Grouped group = byPo.computeIfAbsent(po == null ? "" : po, k -> new Grouped(row, record));
            if (group.firstRow != row) {
                for (String column : List.of("partnerId", "currency", "orderDate")) {
                    if (!Objects.equals(record.get(column), group.first.get(column))) {
                        problems.add(new FieldProblem(
                                "row " + row + ", column " + column,
                                "differs from row " + group.firstRow + " of the same PO ('" + group.first.get(column)
                                        + "')"));
                    }
                }
            }
            group.rows.add(row);
            group.lines.add(new LineDocument(
                    cells.text(record, row, "lineNumber"),
                    cells.text(record, row, "itemId"),
                    cells.text(record, row, "partnerItemId"),
                    cells.number(record, row, "quantity"),
                    cells.text(record, row, "unit"),
                    cells.number(record, row, "unitPrice"),
                    cells.date(record, row, "needByDate"),
                    cells.text(record, row, "category")));
        }
        var groups = new ArrayList<>(byPo.values());
        var documents = groups.stream()
                .map(g -> new PurchaseOrderDocument(
                        cells.text(g.first, g.firstRow, "poNumber"),
                        cells.text(g.first, g.firstRow, "partnerId"),
                        cells.text(g.first, g.firstRow, "currency"),
                        cells.date(g.first, g.firstRow, "orderDate"),
                        g.lines,
                        null,
                        null))
                .toList();
        var validation = new ErpValidation((d, l, field) -> {
            Grouped group = groups.get(d);
            long row = l >= 0 ? group.rows.get(l) : group.firstRow;
            return "row " + row + (field.isEmpty() ? "" : ", column " + field);
        });
        var orders = validation.purchaseOrders(documents);
        problems.addAll(validation.problems());
        return problems.isEmpty() ? Parsed.valid(orders) : Parsed.invalid(dedupe(problems));
    }

    private static Parsed<List<io.seamline.model.shipment.Shipment>> readShipments(
            List<String> header, List<CSVRecord> records) {
        var problems = new ArrayList<FieldProblem>(checkHeader(header, SHIPMENT_COLUMNS, OPTIONAL_SHIPMENT_COLUMNS));
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        if (records.isEmpty()) {
            return Parsed.invalid("row 2", "no shipments after the header");
        }
        var cells = new Cells(problems);
        var rows = new ArrayList<Long>();
        var documents = new ArrayList<ShipmentDocument>();
        for (CSVRecord record : records) {
            long row = row(record);
            rows.add(row);
            String pos = cells.text(record, row, "poNumbers");
            BigDecimal amount = cells.number(record, row, "expectedFreightAmount");
            String currency = cells.text(record, row, "expectedFreightCurrency");
            documents.add(new ShipmentDocument(
                    cells.text(record, row, "shipmentId"),
                    cells.text(record, row, "carrierId"),
                    cells.text(record, row, "brokerId"),
                    new ReferencesDocument(
                            cells.text(record, row, "bol"),
                            cells.text(record, row, "pro"),
                            cells.text(record, row, "container"),
                            cells.text(record, row, "booking"),
                            cells.text(record, row, "awb")),
                    pos == null
                            ? List.of()
                            : Arrays.stream(pos.split("[;|]")).map(String::trim).toList(),
                    cells.date(record, row, "plannedDelivery"),
                    amount == null && currency == null ? null : new MoneyDocument(amount, currency)));
        }
        var validation = new ErpValidation((d, l, field) -> "row " + rows.get(d) + ", column "
                + (field.startsWith("expectedFreight.") ? "expectedFreight" + capitalize(field.substring(16)) : field));
        var shipments = validation.shipments(documents);
        problems.addAll(validation.problems());
        return problems.isEmpty() ? Parsed.valid(shipments) : Parsed.invalid(dedupe(problems));
    }

    private static Parsed<List<io.seamline.model.order.GoodsReceipt>> readReceipts(
            List<String> header, List<CSVRecord> records) {
        var problems = new ArrayList<FieldProblem>(
                checkHeader(header, RECEIPT_COLUMNS, Set.of("shipmentId", "rejectedQuantity", "reason")));
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        if (records.isEmpty()) {
            return Parsed.invalid("row 2", "no receipt lines after the header");
        }
        var cells = new Cells(problems);
        Map<String, List<Long>> rowsOf = new LinkedHashMap<>();
        Map<String, CSVRecord> firstOf = new LinkedHashMap<>();
        Map<String, List<ReceiptLineDocument>> linesOf = new LinkedHashMap<>();
        for (CSVRecord record : records) {
            long row = row(record);
            String id = cells.text(record, row, "receiptId");
            String key = id == null ? "" : id;
            CSVRecord first = firstOf.computeIfAbsent(key, k -> record);
            if (first != record) {
                for (String column : List.of("poNumber", "receivedAt", "shipmentId")) {
                    if (!Objects.equals(cells.text(record, row, column), cells.text(first, row, column))) {
                        problems.add(new FieldProblem(
                                "row " + row + ", column " + column,
                                "differs from row " + rowsOf.get(key).get(0) + " of the same receipt"));
                    }
                }
            }
            rowsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            linesOf.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new ReceiptLineDocument(
                            cells.text(record, row, "lineNumber"),
                            cells.number(record, row, "quantity"),
                            cells.number(record, row, "rejectedQuantity"),
                            cells.text(record, row, "reason")));
        }
        var keys = new ArrayList<>(firstOf.keySet());
        var documents = keys.stream()
                .map(k -> {
                    CSVRecord first = firstOf.get(k);
                    long row = rowsOf.get(k).get(0);
                    return new ReceiptDocument(
                            cells.text(first, row, "receiptId"),
                            cells.text(first, row, "poNumber"),
                            cells.text(first, row, "receivedAt"),
                            cells.text(first, row, "shipmentId"),
                            linesOf.get(k));
                })
                .toList();
        var validation = new ErpValidation((d, l, field) -> {
            List<Long> rows = rowsOf.get(keys.get(d));
            long row = l >= 0 ? rows.get(l) : rows.get(0);
            return "row " + row + (field.isEmpty() ? "" : ", column " + field);
        });
        var receipts = validation.receipts(documents);
        problems.addAll(validation.problems());
        return problems.isEmpty() ? Parsed.valid(receipts) : Parsed.invalid(dedupe(problems));
    }

    private static List<FieldProblem> checkHeader(List<String> header, List<String> columns, Set<String> optional) {
        var problems = new ArrayList<FieldProblem>();
        for (String name : header) {
            if (!columns.contains(name)) {
                problems.add(new FieldProblem("row 1", "unknown column '" + name + "'; expected " + columns));
            }
        }
        for (String column : columns) {
            if (!optional.contains(column) && !header.contains(column)) {
                problems.add(new FieldProblem("row 1", "missing column '" + column + "'"));
            }
        }
        return problems;
    }

    private static long row(CSVRecord record) {
        return record.getRecordNumber() + 1; // the header is row 1
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        return problems.stream().distinct().toList();
    }

    private static final class Grouped {
        final long firstRow;
        final CSVRecord first;
        final List<Long> rows = new ArrayList<>();
        final List<LineDocument> lines = new ArrayList<>();

        Grouped(long firstRow, CSVRecord first) {
            this.firstRow = firstRow;
            this.first = first;
        }
    }

    /** Reads typed cells, recording a located problem for each that cannot be read. */
    private record Cells(List<FieldProblem> problems) {

        String text(CSVRecord record, long row, String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isEmpty() ? null : value;
        }

        BigDecimal number(CSVRecord record, long row, String column) {
            String value = text(record, row, column);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(value);
                if (!Magnitude.sane(number)) {
                    problems.add(
                            new FieldProblem("row " + row + ", column " + column, "'" + value + "' is out of range"));
                    return BigDecimal.ONE;
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(
                        "row " + row + ", column " + column, "not a number: '" + value + "' (use 1234.56)"));
                return BigDecimal.ONE;
            }
        }

        LocalDate date(CSVRecord record, long row, String column) {
            String value = text(record, row, column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(
                        "row " + row + ", column " + column, "not a date: '" + value + "' (use YYYY-MM-DD)"));
                return LocalDate.EPOCH;
            }
        }
    }
}
