package io.seamline.mappings.edi.mapping;

import java.util.List;
import java.util.Map;

/**
 * How one partner's transaction set differs from the standard mapping, declared, not coded. Every field is optional:
 * <ul>
 *   <li>{@code poNumber}: where the PO number is, such as {@code REF02[REF01=PO]} instead of {@code BAK03};</li>
 *   <li>{@code lineNumber}: where a line's number is ({@code PO101}, {@code REF02[REF01=LI]}, or {@code position});</li>
 *   <li>{@code buyerItemQualifiers}, {@code partnerItemQualifiers}: product id qualifiers that carry our item number
 *       and the partner's own (X12 PO1/LIN/IT1 pairs, EDIFACT LIN/PIA 7143);</li>
 *   <li>{@code promisedDateQualifiers}: date qualifiers that mean "promised" (X12 ACK04/DTM01, EDIFACT DTM 2005);</li>
 *   <li>{@code codes}: code table entries, such as {@code "ACK01:IW": "CHANGED"} or {@code "AT701:XB": "DELAYED"}.</li>
 * </ul>
 */
public record SetOverrides(
        String poNumber,
        String lineNumber,
        List<String> buyerItemQualifiers,
        List<String> partnerItemQualifiers,
        List<String> promisedDateQualifiers,
        Map<String, String> codes) {

    public static final SetOverrides NONE = new SetOverrides(null, null, null, null, null, null);

    public SetOverrides {
        if (poNumber != null) {
            ElementPath.parse(poNumber);
        }
        if (lineNumber != null && !ElementPath.POSITION.equals(lineNumber)) {
            ElementPath.parse(lineNumber);
        }
        buyerItemQualifiers = buyerItemQualifiers == null ? null : List.copyOf(buyerItemQualifiers);
        partnerItemQualifiers = partnerItemQualifiers == null ? null : List.copyOf(partnerItemQualifiers);
        promisedDateQualifiers = promisedDateQualifiers == null ? null : List.copyOf(promisedDateQualifiers);
        codes = codes == null ? Map.of() : Map.copyOf(codes);
    }

    public String poNumberOr(String standardPath) {
        return poNumber == null ? standardPath : poNumber;
    }

    public String lineNumberOr(String standardPath) {
        return lineNumber == null ? standardPath : lineNumber;
    }

    public List<String> buyerItemQualifiersOr(List<String> standard) {
        return buyerItemQualifiers == null ? standard : buyerItemQualifiers;
    }

    public List<String> partnerItemQualifiersOr(List<String> standard) {
        return partnerItemQualifiers == null ? standard : partnerItemQualifiers;
    }

    public List<String> promisedDateQualifiersOr(List<String> standard) {
        return promisedDateQualifiers == null ? standard : promisedDateQualifiers;
    }
}
