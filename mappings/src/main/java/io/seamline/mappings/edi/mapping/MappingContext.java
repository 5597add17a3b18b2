package io.seamline.mappings.edi.mapping;

import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupHeader;
import io.seamline.mappings.edi.SyntaxError;
import java.util.List;

/** What a set mapper may know besides the set: its envelope, its group, the partner's overrides, the reads. */
public record MappingContext(Envelope envelope, GroupHeader group, SetOverrides overrides, Reads reads) {

    /** The value at {@code path} among {@code segments}, or null. */
    public String value(String path, List<Segment> segments) {
        return ElementPath.parse(path).in(segments).map(ElementPath.Value::text).orElse(null);
    }

    /**
     * The PO number at the partner's path (or {@code standardPath}); a missing one is a mandatory-element defect on
     * the segment the path names, or on {@code header} when that segment is absent.
     */
    public String poNumber(String standardPath, List<Segment> segments, Segment header) {
        return poNumber(standardPath, segments, header, java.util.Optional.empty());
    }

    /**
     * The same, with where else the standard puts it ({@code elsewhere}: on the lines, say), used when the partner has
     * no override and the standard path finds nothing.
     */
    public String poNumber(
            String standardPath, List<Segment> segments, Segment header, java.util.Optional<String> elsewhere) {
        ElementPath path = ElementPath.parse(overrides.poNumberOr(standardPath));
        var found = path.in(segments);
        if (found.isPresent()) {
            return found.get().text();
        }
        if (overrides.poNumberOr(standardPath).equals(standardPath) && elsewhere.isPresent()) {
            return elsewhere.get();
        }
        Segment holder = segments.stream().filter(path::selects).findFirst().orElse(null);
        if (holder != null) {
            reads.element(
                    SyntaxError.MANDATORY_ELEMENT_MISSING,
                    holder,
                    path.element(),
                    path.component(),
                    null,
                    "the PO number (" + path + ") is missing");
        } else if (header != null) {
            reads.element(
                    SyntaxError.MANDATORY_ELEMENT_MISSING,
                    header,
                    0,
                    0,
                    null,
                    "the PO number (" + path + ") is missing");
        }
        return null;
    }

    /** A line's number: the partner's path (or {@code standardPath}) within the loop, else its position. */
    public String lineNumber(String standardPath, List<Segment> loop, int position) {
        String path = overrides.lineNumberOr(standardPath);
        if (ElementPath.POSITION.equals(path)) {
            return Integer.toString(position);
        }
        String value = value(path, loop);
        return value != null ? value.trim() : overrides.lineNumber() == null ? null : Integer.toString(position);
    }

    public List<String> promisedDateQualifiers(List<String> standard) {
        return overrides.promisedDateQualifiersOr(standard);
    }

    public Items x12Items(Segment segment, int firstQualifier) {
        return Items.x12Pairs(
                segment,
                firstQualifier,
                overrides.buyerItemQualifiersOr(Items.X12_BUYER),
                overrides.partnerItemQualifiersOr(Items.X12_PARTNER));
    }

    public Items edifactItems(List<Segment> line) {
        return Items.edifact(
                line,
                overrides.buyerItemQualifiersOr(Items.EDIFACT_BUYER),
                overrides.partnerItemQualifiersOr(Items.EDIFACT_PARTNER));
    }
}
