package io.seamline.adapters.email;

import io.seamline.mappings.Parsed;
import io.seamline.mappings.email.EmailTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The e-mail templates: {@code classpath:email/templates/*.json}, then {@code *.json} in an optional folder (a file
 * there replaces a shipped one for the same partner). A template that is not valid stops loading with the file and
 * the problem named.
 */
public final class EmailTemplates {

    private final Map<String, EmailTemplate> byPartner;
    private final PublishedTemplates published;

    private EmailTemplates(Map<String, EmailTemplate> byPartner, PublishedTemplates published) {
        this.byPartner = Map.copyOf(byPartner);
        this.published = published;
    }

    /** These files, with templates published at run time over them. */
    public EmailTemplates with(PublishedTemplates published) {
        return new EmailTemplates(byPartner, published);
    }

    /** The template file of a partner, shipped or in the folder. */
    public java.util.Optional<EmailTemplate> fileOf(String partnerId) {
        return java.util.Optional.ofNullable(byPartner.get(partnerId));
    }

    public static EmailTemplates load(Path folder) {
        var found = new LinkedHashMap<String, EmailTemplate>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:email/templates/*.json")) {
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
            throw new UncheckedIOException("cannot read e-mail templates", e);
        }
        if (!found.containsKey(EmailTemplate.DEFAULT)) {
            throw new IllegalStateException("no default e-mail template (email/templates/default.json)");
        }
        return new EmailTemplates(found, PublishedTemplates.NONE);
    }

    private static void add(Map<String, EmailTemplate> found, String source, byte[] json) {
        Parsed<EmailTemplate> parsed = EmailTemplate.parse(json);
        if (parsed instanceof Parsed.Invalid<EmailTemplate> invalid) {
            throw new IllegalStateException("e-mail template " + source + " is not valid: " + invalid.problems());
        }
        EmailTemplate template = ((Parsed.Valid<EmailTemplate>) parsed).value();
        found.put(template.partner(), template);
    }

    /** The templates a partner's mail is read with, in order: its own, then the default unless it opts out. */
    public List<EmailTemplate> forPartner(String partnerId) {
        var templates = new ArrayList<EmailTemplate>();
        EmailTemplate own =
                partnerId == null ? null : published.template(partnerId).orElse(byPartner.get(partnerId));
        if (own != null) {
            templates.add(own);
        }
        if (own == null || own.extendsDefault()) {
            templates.add(byPartner.get(EmailTemplate.DEFAULT));
        }
        return templates;
    }
}
