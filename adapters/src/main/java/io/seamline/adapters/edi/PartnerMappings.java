package io.seamline.adapters.edi;

import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.PartnerMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The partners' EDI mapping files: {@code classpath:edi/partners/*.json}, then {@code *.json} in an optional folder
 * (a file there replaces a shipped one for the same partner). A file that is not valid stops loading with the file
 * and the problem named, so a typo never silently changes a mapping.
 */
public final class PartnerMappings {

    private final Map<String, PartnerMapping> byPartner;
    private final PublishedMappings published;

    private PartnerMappings(Map<String, PartnerMapping> byPartner, PublishedMappings published) {
        this.byPartner = Map.copyOf(byPartner);
        this.published = published;
    }

    /** These files, with mappings published at run time over them. */
    public PartnerMappings with(PublishedMappings published) {
        return new PartnerMappings(byPartner, published);
    }

    private static final ThreadLocal<Map<String, PartnerMapping>> DRAFT = new ThreadLocal<>();

    /**
     * Runs {@code work} with draft mappings in force for their partners (a replay's draft side); only the work on
     * this thread sees them.
     */
    public static <T> T withDraft(Map<String, PartnerMapping> drafts, java.util.function.Supplier<T> work) {
        var outer = DRAFT.get();
        DRAFT.set(Map.copyOf(drafts));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DRAFT.remove();
            } else {
                DRAFT.set(outer);
            }
        }
    }

    /** The mapping in force for a partner: a draft being replayed, else the published one, else its file. */
    public Optional<PartnerMapping> mappingOf(String partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        var drafts = DRAFT.get();
        if (drafts != null && drafts.containsKey(partnerId)) {
            return Optional.of(drafts.get(partnerId));
        }
        return published.current(partnerId).or(() -> Optional.ofNullable(byPartner.get(partnerId)));
    }

    /** The mapping file of a partner, shipped or in the folder (what a rollback to version 0 runs again). */
    public Optional<PartnerMapping> fileOf(String partnerId) {
        return Optional.ofNullable(byPartner.get(partnerId));
    }

    public static PartnerMappings load(Path folder) {
        var found = new LinkedHashMap<String, PartnerMapping>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:edi/partners/*.json")) {
                try (InputStream in = resource.getInputStream()) {
                    add(found, resource.getDescription(), in.readAllBytes());
                }
            }
            if (folder != null && Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                            .sorted()
                            .toList()) {
                        add(found, file.toString(), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner mapping files", e);
        }
        return new PartnerMappings(found, PublishedMappings.NONE);
    }

    public static PartnerMappings of(List<PartnerMapping> mappings) {
        var map = new LinkedHashMap<String, PartnerMapping>();
        mappings.forEach(m -> map.put(m.partner(), m));
        return new PartnerMappings(map, PublishedMappings.NONE);
    }

    private static void add(Map<String, PartnerMapping> found, String source, byte[] json) {
        Parsed<PartnerMapping> parsed = PartnerMapping.parse(json);
        if (parsed instanceof Parsed.Invalid<PartnerMapping> invalid) {
            throw new IllegalStateException("partner mapping " + source + " is not valid: " + invalid.problems());
        }
        PartnerMapping mapping = ((Parsed.Valid<PartnerMapping>) parsed).value();
        found.put(mapping.partner(), mapping);
    }

    /** The profile of a partner by our id; the default profile for partners without a file. */
    public EdiProfile profileOf(String partnerId) {
        return mappingOf(partnerId).map(PartnerMapping::profile).orElse(EdiProfile.DEFAULT);
    }

    /** The mapping whose identifiers name the envelope's sender (for offline tools without the partner table). */
    public Optional<PartnerMapping> bySender(Envelope envelope) {
        return byPartner.values().stream().filter(m -> m.sent(envelope)).findFirst();
    }

    public Map<String, PartnerMapping> all() {
        return byPartner;
    }
}
