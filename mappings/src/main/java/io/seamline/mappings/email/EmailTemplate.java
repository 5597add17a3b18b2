package io.seamline.mappings.email;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.JsonDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to read one partner's mails (or, for {@code "partner": "default"}, everyone's): rules, each a pattern with
 * named groups over the subject and text, and what kind of statement it finds. Patterns are case-insensitive and
 * may use {@code {date}} for any date a person writes ({@code 15 Dec}, {@code Dec 15, 2026}, {@code 2026-12-15},
 * {@code 15.12.2026}, {@code 15/12/2026} read as {@link #dayFirst()} says) and {@code {ref}} for a reference (with
 * at least one digit). A
 * rule without its statement's key ({@code po}+{@code line}, a shipment reference, {@code entry}) adds its groups to
 * every statement of that kind in the mail (documents requested, a reason). The file is JSON; see the README.
 */
public record EmailTemplate(
        String partner, boolean extendsDefault, boolean dayFirst, List<Rule> rules, Map<String, String> statuses) {

    public static final String DEFAULT = "default";

    static final String DATE = "(?:\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + Dates.MONTH + "\\.?(?:,?\\s+\\d{4})?"
            + "|" + Dates.MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"
            + "|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{1,2}\\.\\d{1,2}\\.)";
    /** A reference: letters, digits and separators, with at least one digit (so "Please" is not an invoice number). */
    static final String REF = "(?=[A-Z0-9._/-]*\\d)[A-Z0-9][A-Z0-9._/-]{2,34}";

    /** What a rule finds. */
    public enum Kind {
        COMMITMENT(Set.of("po", "line", "date", "quantity", "reason")),
        SHIPMENT_STATUS(Set.of("shipment", "bol", "pro", "container", "po", "status", "eta", "reason")),
        CUSTOMS_STATUS(Set.of("entry", "shipment", "container", "bol", "status", "documents", "reason")),
        INVOICE(Set.of("invoice", "po", "amount", "currency")),
        REFERENCES(Set.of("shipment", "bol", "container", "po"));

        final Set<String> groups;

        Kind(Set<String> groups) {
            this.groups = groups;
        }
    }

    /** One rule: a compiled pattern, its kind, and a fixed status when the pattern has no {@code status} group. */
    public record Rule(String name, Kind kind, Pattern pattern, String status) {

        public Matcher matcher(String text) {
            return pattern.matcher(text);
        }
    }

    record Document(
            String partner,
            Boolean extendsDefault,
            String dateOrder,
            List<RuleDocument> rules,
            Map<String, String> statuses) {}

    record RuleDocument(String name, String kind, String pattern, String status) {}

    public static Parsed<EmailTemplate> parse(byte[] json) {
        return JsonDocuments.one(json, Document.class).flatMap(EmailTemplate::validate);
    }

    private static Parsed<EmailTemplate> validate(Document doc) {
        var problems = new ArrayList<FieldProblem>();
        if (doc.partner() == null || doc.partner().isBlank()) {
            problems.add(new FieldProblem("partner", "is required (a partner id, or default)"));
        }
        boolean dayFirst = true;
        if (doc.dateOrder() != null) {
            switch (doc.dateOrder().toUpperCase(Locale.ROOT)) {
                case "DMY" -> dayFirst = true;
                case "MDY" -> dayFirst = false;
                default -> problems.add(new FieldProblem("dateOrder", "must be DMY or MDY"));
            }
        }
        var rules = new ArrayList<Rule>();
        List<RuleDocument> docs = doc.rules() == null ? List.of() : doc.rules();
        for (int i = 0; i < docs.size(); i++) {
            RuleDocument rule = docs.get(i);
            String at = "rules[" + i + "]";
            Kind kind;
            try {
                kind = Kind.valueOf(String.valueOf(rule.kind()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(at + ".kind", "must be one of " + List.of(Kind.values())));
                continue;
            }
            if (rule.pattern() == null || rule.pattern().isBlank()) {
                problems.add(new FieldProblem(at + ".pattern", "is required"));
                continue;
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(
                        rule.pattern().replace("{date}", DATE).replace("{ref}", REF),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                problems.add(new FieldProblem(at + ".pattern", "not a regular expression: " + e.getDescription()));
                continue;
            }
            for (String group : groups(pattern)) {
                if (!kind.groups.contains(group)) {
                    problems.add(new FieldProblem(
                            at + ".pattern", "group " + group + " means nothing for " + kind + "; use " + kind.groups));
                }
            }
            rules.add(new Rule(rule.name() == null ? at : rule.name(), kind, pattern, rule.status()));
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        var statuses = new LinkedHashMap<String, String>();
        if (doc.statuses() != null) {
            doc.statuses().forEach((k, v) -> statuses.put(k.toLowerCase(Locale.ROOT), v));
        }
        return Parsed.valid(new EmailTemplate(
                doc.partner().trim(), doc.extendsDefault() == null || doc.extendsDefault(), dayFirst, rules, statuses));
    }

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** The named groups of a pattern (Java 17 has no API for them). */
    static List<String> groups(Pattern pattern) {
        var names = new ArrayList<String>();
        Matcher m = NAMED_GROUP.matcher(pattern.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
