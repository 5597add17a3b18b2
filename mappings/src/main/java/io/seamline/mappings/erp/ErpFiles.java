package io.seamline.mappings.erp;

import io.seamline.mappings.Parsed;
import java.util.Locale;

/** Reads an ERP file dropped into the inbox: {@code .csv} as CSV, {@code .json} as JSON. */
public final class ErpFiles {

    private ErpFiles() {}

    public static Parsed<ErpBatch> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return ErpCsv.batch(content);
        }
        if (name.endsWith(".json")) {
            return ErpJson.batch(content);
        }
        return Parsed.invalid("file", "unsupported file type; expected .json or .csv: " + fileName);
    }
}
