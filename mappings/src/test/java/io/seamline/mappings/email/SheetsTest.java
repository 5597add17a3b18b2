package io.seamline.mappings.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetsTest {

    @Test
    void readsTheFirstSheetAsCsvWithIsoDates() throws IOException {
        byte[] xlsx;
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("dates");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            var header = sheet.createRow(0);
            String[] names = {"poNumber", "lineNumber", "quantity", "promisedDate", "reasonCode"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("4500012349");
            row.createCell(1).setCellValue(1);
            row.createCell(2).setCellValue(1150.0);
            var date = row.createCell(3);
            date.setCellValue(LocalDate.of(2026, 12, 15));
            date.setCellStyle(dateStyle);
            row.createCell(4).setCellValue("capacity, dyeing");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        String csv = new String(Sheets.toCsv(xlsx), StandardCharsets.UTF_8);

        assertThat(csv)
                .isEqualTo("poNumber,lineNumber,quantity,promisedDate,reasonCode\n"
                        + "4500012349,1,1150,2026-12-15,\"capacity, dyeing\"\n");
    }

    @Test
    void saysSoWhenTheBytesAreNoWorkbook() {
        assertThatThrownBy(() -> Sheets.toCsv("not a workbook".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
