package io.seamline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The representative 1–3 KB documents of {@code mix/}: five X12 sets, four EDIFACT messages. */
final class Mix {

    static final List<String> X12 = List.of("x12-855.edi", "x12-856.edi", "x12-810.edi", "x12-210.edi", "x12-214.edi");
    static final List<String> EDIFACT =
            List.of("edifact-ORDRSP.edi", "edifact-DESADV.edi", "edifact-INVOIC.edi", "edifact-IFTSTA.edi");

    private Mix() {}

    static List<byte[]> load(List<String> names) {
        var docs = new ArrayList<byte[]>();
        for (String name : names) {
            try (InputStream in = Mix.class.getResourceAsStream("/mix/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing /mix/" + name);
                }
                docs.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }
}
