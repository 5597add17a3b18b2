package io.seamline.mappings.edi.outbound;

import io.seamline.mappings.edi.Standard;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An interchange we produced: what it is ({@code 997}, {@code TA1}, {@code 850}, …), its bytes and its control numbers. */
public record OutboundEdi(
        String documentType,
        Standard standard,
        byte[] content,
        String interchangeControlNumber,
        String groupControlNumber,
        List<String> setControlNumbers) {

    public OutboundEdi {
        setControlNumbers = List.copyOf(setControlNumbers);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
