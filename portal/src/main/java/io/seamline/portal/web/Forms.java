package io.seamline.portal.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.mappings.json.Json;
import io.seamline.model.Magnitude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Form fields into the canonical JSON the API takes, so a form and an API call are the same document: blank fields
 * are left out; what does not parse is passed on as text, and the document's schema names the field.
 */
public final class Forms {

    private Forms() {}

    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    /** Puts a text field unless it is blank. */
    public static ObjectNode text(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
        return node;
    }

    /** Puts a number field unless it is blank; a value that is no number stays text for the schema to refuse. */
    public static ObjectNode number(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            return node;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip().replace(",", ""));
            if (Magnitude.sane(number)) {
                node.put(field, number);
            } else {
                node.put(field, value.strip()); // 1e999999999: no number of ours; the schema says so
            }
        } catch (NumberFormatException e) {
            node.put(field, value.strip());
        }
        return node;
    }

    /** An upper-case code ({@code DELIVERED}), unless blank. */
    public static ObjectNode code(ObjectNode node, String field, String value) {
        return text(node, field, value == null ? null : value.toUpperCase(Locale.ROOT));
    }

    public static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a form field has something in it. */
    public static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    /** A filter field: null when blank, else stripped. */
    public static String blankToNull(String value) {
        return filled(value) ? value.strip() : null;
    }

    /** A filter field naming an enum constant: null when blank or unknown (the filter is then off). */
    public static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (!filled(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A filter field naming a partner: null when blank or not a partner id. */
    public static io.seamline.model.partner.PartnerId partnerOrNull(String value) {
        return filled(value) && io.seamline.model.partner.PartnerId.isValid(value.strip())
                ? io.seamline.model.partner.PartnerId.of(value.strip())
                : null;
    }

    /** A value at position {@code i} of a repeated form field, or null. */
    public static String at(java.util.List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }
}
