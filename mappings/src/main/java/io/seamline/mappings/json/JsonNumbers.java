package io.seamline.mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.FieldProblem;
import io.seamline.model.Magnitude;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The first number of a JSON document that is no number of ours at all ({@code 1e999999999}, a thousand digits),
 * found before anything reads the document into typed values: such a document is refused whole, naming the field.
 * Which size each field may have is its type's business ({@link Magnitude}, the published schemas).
 */
final class JsonNumbers {

    private JsonNumbers() {}

    static Optional<FieldProblem> insane(JsonNode node) {
        return insane(node, "");
    }

    private static Optional<FieldProblem> insane(JsonNode node, String at) {
        if (node.isNumber()) {
            return Magnitude.sane(node.decimalValue())
                    ? Optional.empty()
                    : Optional.of(new FieldProblem(
                            at.isEmpty() ? "body" : at,
                            "is out of range: no quantity, price or amount is that large" + " or that fine"));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<FieldProblem> found = insane(node.get(i), at + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<FieldProblem> found =
                        insane(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
