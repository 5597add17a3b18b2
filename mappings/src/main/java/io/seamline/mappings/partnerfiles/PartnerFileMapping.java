package io.seamline.mappings.partnerfiles;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.model.event.EventData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.io.sink.JavaSink;
import org.smooks.io.source.StreamSource;

/**
 * One partner file layout: a Smooks configuration compiled once and kept warm, which binds each record of the
 * partner's file to a map with canonical field names in a list bean named {@code records}, and the {@link Target}
 * those records become. Thread-safe; each {@link #read} has its own execution context.
 */
public final class PartnerFileMapping implements AutoCloseable {

    /** The bean the configuration must collect records into. */
    public static final String RECORDS = "records";

    private final String name;
    private final Target target;
    private final Smooks smooks;

    private PartnerFileMapping(String name, Target target, Smooks smooks) {
        this.name = name;
        this.target = target;
        this.smooks = smooks;
    }

    /** Compiles a configuration; a configuration Smooks cannot read is an error naming the file. */
    public static PartnerFileMapping compile(String name, Target target, byte[] smooksConfiguration) {
        try {
            Smooks smooks = new Smooks(new ByteArrayInputStream(smooksConfiguration));
            smooks.createExecutionContext();
            return new PartnerFileMapping(name, target, smooks);
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "partner file mapping " + name + " is not a valid Smooks configuration: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Target target() {
        return target;
    }

    /** Reads one file into events, or every problem found (located by record number and field). */
    public Parsed<List<EventData>> read(byte[] content) {
        if (declaresDoctype(content)) {
            return Parsed.invalid("file", "a DOCTYPE declaration is not accepted (no DTDs, no entities)");
        }
        List<Map<String, Object>> records;
        try {
            ExecutionContext context = smooks.createExecutionContext();
            JavaSink sink = new JavaSink();
            smooks.filterSource(context, new StreamSource<>(new ByteArrayInputStream(content)), sink);
            records = records(sink.getBean(RECORDS));
        } catch (RuntimeException e) {
            return Parsed.invalid("file", "cannot be read with mapping " + name + ": " + rootMessage(e));
        }
        if (records.isEmpty()) {
            return Parsed.invalid("file", "holds no records for mapping " + name);
        }
        var problems = new ArrayList<FieldProblem>();
        List<EventData> events = Records.toEvents(target, records, problems);
        return problems.isEmpty() ? Parsed.valid(events) : Parsed.invalid(problems);
    }

    /** DTDs are off: entity expansion (billion laughs) and external entities never reach a parser. */
    private static boolean declaresDoctype(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return text.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Object bean) {
        if (!(bean instanceof List<?> list)) {
            return List.of();
        }
        var records = new ArrayList<Map<String, Object>>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                records.add((Map<String, Object>) map);
            }
        }
        return records;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        smooks.close();
    }
}
