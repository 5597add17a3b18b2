package io.seamline.mappings.edi;

import io.seamline.mappings.edi.edifact.EdifactMappers;
import io.seamline.mappings.edi.internal.Reading;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.x12.X12Mappers;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads X12 and EDIFACT interchanges and tells a listener what each set and interchange became. Thread-safe and
 * meant to be shared: each {@link #read} has its own state.
 */
public final class EdiEngine {

    /** Default size limit of one input: 50 MB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final long maxBytes;
    private final Map<String, SetMapper> mappers;

    public EdiEngine(long maxBytes) {
        this(maxBytes, standardMappers());
    }

    public EdiEngine(long maxBytes, List<SetMapper> mappers) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        var byKey = new HashMap<String, SetMapper>();
        for (SetMapper mapper : mappers) {
            for (String id : mapper.setIds()) {
                byKey.put(Reading.key(mapper.standard(), id), mapper);
            }
        }
        this.mappers = Map.copyOf(byKey);
    }

    public static EdiEngine withDefaults() {
        return new EdiEngine(DEFAULT_MAX_BYTES);
    }

    /** The mappers of every set Seamline reads. */
    public static List<SetMapper> standardMappers() {
        var all = new ArrayList<SetMapper>(X12Mappers.all());
        all.addAll(EdifactMappers.all());
        return all;
    }

    /**
     * Reads {@code input} to its end (or until it cannot be read), calling {@code listener} for each set and
     * interchange. {@code profiles} chooses the partner profile from each interchange's envelope. Never throws for
     * bad input: what cannot be read is reported to {@link EdiListener#unreadable}.
     */
    public void read(InputStream input, Function<Envelope, EdiProfile> profiles, EdiListener listener) {
        new Reading(input, maxBytes, mappers, profiles, listener).run();
    }

    /** The first interchange's header (sender, receiver, control number), read without the rest. */
    public Optional<Envelope> peek(byte[] content) {
        return Reading.firstEnvelope(new java.io.ByteArrayInputStream(content), maxBytes);
    }

    public long maxBytes() {
        return maxBytes;
    }
}
