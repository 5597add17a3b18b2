package io.seamline.mappings.json;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.model.Magnitude;
import io.seamline.model.event.CommitmentUpdated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A supplier's commitment as the API takes it ({@code POST /purchase-orders/{po}/commitments}): {@code lines[]} with
 * {@code lineNumber}, {@code quantity}, {@code promisedDate} and {@code reasonCode}, and a {@code note}. It becomes
 * the same canonical event as an EDI 865.
 */
public final class CommitmentJson {

    private CommitmentJson() {}

    record Document(List<Line> lines, String note) {}

    record Line(String lineNumber, BigDecimal quantity, LocalDate promisedDate, String reasonCode) {}

    public static Parsed<CommitmentUpdated> parse(byte[] json, String poNumber) {
        return JsonDocuments.one(json, Document.class).flatMap(doc -> validate(doc, poNumber));
    }

    private static Parsed<CommitmentUpdated> validate(Document doc, String poNumber) {
        var problems = new ArrayList<FieldProblem>();
        if (doc.lines() == null || doc.lines().isEmpty()) {
            return Parsed.invalid("lines", "at least one line is required");
        }
        var seen = new HashSet<String>();
        var lines = new ArrayList<CommitmentUpdated.Line>();
        for (int i = 0; i < doc.lines().size(); i++) {
            Line line = doc.lines().get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                problems.add(new FieldProblem(at, "is null"));
                continue;
            }
            if (line.lineNumber() == null || line.lineNumber().isBlank()) {
                problems.add(new FieldProblem(at + ".lineNumber", "is required"));
            } else if (!seen.add(line.lineNumber().trim())) {
                problems.add(new FieldProblem(at + ".lineNumber", "line " + line.lineNumber() + " appears twice"));
            }
            if (line.quantity() == null && line.promisedDate() == null) {
                problems.add(new FieldProblem(at, "needs a quantity, a promisedDate or both"));
            }
            if (line.quantity() != null
                    && Magnitude.QUANTITY.problem(line.quantity()).isPresent()) {
                problems.add(new FieldProblem(
                        at + ".quantity",
                        Magnitude.QUANTITY.problem(line.quantity()).get()));
            } else if (line.quantity() != null && line.quantity().signum() < 0) {
                problems.add(new FieldProblem(at + ".quantity", "cannot be negative"));
            }
            if (problems.isEmpty()) {
                lines.add(new CommitmentUpdated.Line(
                        line.lineNumber().trim(), line.quantity(), line.promisedDate(), line.reasonCode(), null, null));
            }
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        return Parsed.valid(new CommitmentUpdated(poNumber, lines, doc.note()));
    }
}
