package io.seamline.mappings.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSX workbook's first sheet as CSV, so the same layouts read sheets and CSV files: dates as ISO dates, numbers
 * without exponents, formulas by their cached value. The workbook's own zip is read with POI's zip-bomb guards.
 */
public final class Sheets {

    private static final int MAX_ROWS = 100_000;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private Sheets() {}

    /** The first sheet as CSV, or empty text when the workbook cannot be read. */
    public static byte[] toCsv(byte[] xlsx) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            var csv = new StringBuilder();
            int rows = 0;
            for (Row row : sheet) {
                if (++rows > MAX_ROWS) {
                    throw new IOException("the sheet has more than " + MAX_ROWS + " rows");
                }
                var cells = new ArrayList<String>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.isEmpty()) {
                    csv.append(String.join(",", quoted(cells))).append('\n');
                }
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IOException("not a readable workbook: " + e.getMessage(), e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : java.math.BigDecimal.valueOf(cell.getNumericCellValue())
                            .stripTrailingZeros()
                            .toPlainString();
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static List<String> quoted(List<String> cells) {
        return cells.stream()
                .map(c -> c.contains(",") || c.contains("\"") || c.contains("\n")
                        ? "\"" + c.replace("\"", "\"\"") + "\""
                        : c)
                .toList();
    }
}
