package io.seamline.mappings.edi.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Free text as a partner wrote it, from the segments of one level (a document's header, or one line's group): X12
 * {@code NTE02} and {@code MSG01}, EDIFACT {@code FTX} C108 (its up to five text components), in order, one space
 * between; null when there is none.
 */
public final class Notes {

    private Notes() {}

    public static String x12(List<Segment> segments) {
        var texts = new ArrayList<String>();
        for (Segment s : segments) {
            String text =
                    switch (s.tag()) {
                        case "NTE" -> s.get(2);
                        case "MSG" -> s.get(1);
                        default -> null;
                    };
            add(texts, text);
        }
        return joined(texts);
    }

    public static String edifact(List<Segment> segments) {
        var texts = new ArrayList<String>();
        for (Segment s : segments) {
            if (s.tag().equals("FTX")) {
                for (int c = 1; c <= 5; c++) {
                    add(texts, s.get(4, c));
                }
            }
        }
        return joined(texts);
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }

    private static String joined(List<String> texts) {
        return texts.isEmpty() ? null : String.join(" ", texts);
    }
}
