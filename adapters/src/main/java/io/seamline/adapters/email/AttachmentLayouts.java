package io.seamline.adapters.email;

import io.seamline.mappings.Parsed;
import io.seamline.mappings.partnerfiles.PartnerFileMapping;
import io.seamline.mappings.partnerfiles.Target;
import io.seamline.model.event.EventData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Layouts of CSV sheets attached to mails, as Smooks configurations named {@code <partner>.<target>.xml}
 * ({@code acme-supply.commitments.xml}, {@code default.ship-notices.xml}): {@code classpath:email/layouts/} and an
 * optional folder. A partner's sheet is read with its own layouts first; the default layouts are chosen by the header.
 */
public final class AttachmentLayouts implements AutoCloseable {

    private final Map<String, List<PartnerFileMapping>> byPartner;

    private AttachmentLayouts(Map<String, List<PartnerFileMapping>> byPartner) {
        this.byPartner = byPartner;
    }

    public static AttachmentLayouts load(Path folder) {
        var found = new LinkedHashMap<String, List<PartnerFileMapping>>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:email/layouts/*.xml")) {
                try (InputStream in = resource.getInputStream()) {
                    add(found, resource.getFilename(), in.readAllBytes());
                }
            }
            if (folder != null && Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".xml"))
                            .sorted()
                            .toList()) {
                        add(found, file.getFileName().toString(), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment layouts", e);
        }
        return new AttachmentLayouts(found);
    }

    private static void add(Map<String, List<PartnerFileMapping>> found, String fileName, byte[] xml) {
        String[] parts = fileName.replaceFirst("\\.xml$", "").split("\\.", 2);
        if (parts.length != 2) {
            throw new IllegalStateException("attachment layout " + fileName + " is not named <partner>.<target>.xml");
        }
        Target target;
        try {
            target = Target.valueOf(parts[1].toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("attachment layout " + fileName + ": unknown target " + parts[1], e);
        }
        found.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(PartnerFileMapping.compile(fileName, target, xml));
    }

    /**
     * Reads a CSV sheet: with the partner's layouts (the first that reads it without problems), else with the
     * default layout its header names. Empty when no layout reads it.
     */
    public Optional<Parsed<List<EventData>>> read(String partnerId, byte[] csv) {
        for (PartnerFileMapping mapping : byPartner.getOrDefault(partnerId, List.of())) {
            Parsed<List<EventData>> read = mapping.read(csv);
            if (read instanceof Parsed.Valid<List<EventData>> valid
                    && !valid.value().isEmpty()) {
                return Optional.of(read);
            }
        }
        String header = new String(csv, 0, Math.min(csv.length, 512), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .toLowerCase(Locale.ROOT)
                .replace("\ufeff", "");
        Target target = header.contains("promiseddate")
                ? Target.COMMITMENTS
                : header.contains("shipmentid") ? Target.SHIP_NOTICES : null;
        if (target == null) {
            return Optional.empty();
        }
        return byPartner.getOrDefault("default", List.of()).stream()
                .filter(m -> m.target() == target)
                .findFirst()
                .map(m -> m.read(csv));
    }

    @Override
    public void close() {
        byPartner.values().forEach(list -> list.forEach(PartnerFileMapping::close));
    }
}
