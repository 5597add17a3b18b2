package io.seamline.mappings.edi.outbound;

import io.seamline.mappings.edi.Standard;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one interchange with StAEDI: segments of plain elements ({@code String}), composites ({@link Composite})
 * and empty elements ({@code null}). Our delimiters are the common ones: X12 {@code * > ~ ^}, EDIFACT UNA
 * {@code :+.? '}; one segment per line.
 */
public final class EdiWriter {

    private final Standard standard;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final EDIStreamWriter writer;
    private int segmentsSinceMark;
    private final java.util.List<String> problems = new java.util.ArrayList<>();

    private EdiWriter(Standard standard, String[] version) {
        this.standard = standard;
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        if (standard == Standard.X12) {
            factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, '~');
            factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
            factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, '>');
            factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, '^');
        } else {
            factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, '\'');
            factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, '+');
            factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, ':');
            factory.setProperty(EDIStreamConstants.Delimiters.RELEASE, '?');
            factory.setProperty(EDIStreamConstants.Delimiters.DECIMAL, '.');
            factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, '*');
        }
        factory.setErrorReporter((error, source, location, data, reference) ->
                problems.add(error + " in " + location.getSegmentPosition() + "/" + location.getElementPosition()
                        + (data == null ? "" : " ('" + data + "')")));
        try {
            writer = factory.createEDIStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.setControlSchema(SchemaFactory.newFactory()
                    .getControlSchema(
                            standard == Standard.X12
                                    ? EDIStreamConstants.Standards.X12
                                    : EDIStreamConstants.Standards.EDIFACT,
                            version));
            writer.startInterchange();
        } catch (EDIStreamException | EDISchemaException e) {
            throw new IllegalStateException("StAEDI cannot start an interchange: " + e.getMessage(), e);
        }
    }

    /**
     * A writer whose envelope StAEDI validates against its control schema: {@code version} is ISA12 for X12
     * ({@code 00401}), the syntax identifier and version for EDIFACT ({@code UNOC}, {@code 3}).
     */
    public static EdiWriter of(Standard standard, String... version) {
        return new EdiWriter(standard, version);
    }

    public Standard standard() {
        return standard;
    }

    /** A composite element: its components in order; empty ones are written as empty, trailing ones left out. */
    public record Composite(String... components) {
        public static Composite of(String... components) {
            return new Composite(components);
        }
    }

    /** Writes one segment of {@code String}, {@link Composite} or null (empty) elements; trailing empties are left out. */
    public EdiWriter segment(String tag, Object... elements) {
        int last = elements.length - 1;
        while (last >= 0 && isEmpty(elements[last])) {
            last--;
        }
        try {
            writer.writeStartSegment(tag);
            for (int i = 0; i <= last; i++) {
                Object element = elements[i];
                if (element == null || (element instanceof String s && s.isEmpty())) {
                    writer.writeEmptyElement();
                } else if (element instanceof Composite composite) {
                    String[] components = composite.components();
                    writer.writeStartElement();
                    int lastComponent = components.length - 1;
                    while (lastComponent >= 0
                            && (components[lastComponent] == null || components[lastComponent].isEmpty())) {
                        lastComponent--;
                    }
                    for (int c = 0; c <= lastComponent; c++) {
                        if (components[c] == null || components[c].isEmpty()) {
                            writer.writeEmptyComponent();
                        } else {
                            writer.writeComponent(components[c]);
                        }
                    }
                    writer.endElement();
                } else {
                    writer.writeElement(element.toString());
                }
            }
            writer.writeEndSegment();
        } catch (EDIStreamException e) {
            throw new IllegalArgumentException("cannot write segment " + tag + ": " + e.getMessage(), e);
        }
        segmentsSinceMark++;
        return this;
    }

    /** Starts counting segments (at a set header), for the SE01/UNT count. */
    public void markSetStart() {
        segmentsSinceMark = 0;
    }

    /** Segments written since {@link #markSetStart}, the trailer not included. */
    public int segmentsInSet() {
        return segmentsSinceMark;
    }

    /**
     * What StAEDI's validation of the envelope found while writing: nothing for our own documents (tests hold us to
     * that); an acknowledgement that echoes a partner's malformed envelope values is still written.
     */
    public java.util.List<String> problems() {
        return java.util.List.copyOf(problems);
    }

    public byte[] finish() {
        try {
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("StAEDI cannot end the interchange: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static boolean isEmpty(Object element) {
        if (element == null) {
            return true;
        }
        if (element instanceof String s) {
            return s.isEmpty();
        }
        if (element instanceof Composite composite) {
            for (String c : composite.components()) {
                if (c != null && !c.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
