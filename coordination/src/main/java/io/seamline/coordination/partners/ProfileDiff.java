package io.seamline.coordination.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import io.seamline.model.partner.Partner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a partner's profile, field by field ({@code policy.commitment.maxSlipDays},
 * {@code channels[0].address}), secrets masked as both versions show them.
 */
public final class ProfileDiff {

    private ProfileDiff() {}

    /** One field that differs: its path, and its value before and after (null when absent). */
    public record Change(String path, String from, String to) {}

    public static List<Change> between(Partner from, Partner to) {
        Map<String, String> before = flatten(Json.mapper().valueToTree(from));
        Map<String, String> after = flatten(Json.mapper().valueToTree(to));
        var paths = new LinkedHashSet<String>(before.keySet());
        paths.addAll(after.keySet());
        var changes = new ArrayList<Change>();
        for (String path : paths) {
            String a = before.get(path);
            String b = after.get(path);
            if (a == null ? b != null : !a.equals(b)) {
                changes.add(new Change(path, a, b));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(JsonNode node) {
        var values = new LinkedHashMap<String, String>();
        flatten("", node, values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> flatten(
                            path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), values);
            }
        } else if (!node.isNull()) {
            values.put(path, node.asText());
        }
    }
}
