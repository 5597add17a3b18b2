package io.seamline.mappings.email;

import io.seamline.model.Magnitude;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.EventData;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads what a mail says with the partner's templates (its own rules first, then the default ones unless it opts
 * out): statements about the same thing are merged, two different values for the same thing make it ambiguous (it
 * goes to a person, not to a guess), and what is left becomes canonical events.
 */
public final class Extraction {

    private Extraction() {}

    /** {@code templates} in the order they apply: the partner's, then the default. */
    public static Extracted extract(List<EmailTemplate> templates, String subject, String text, LocalDate mailDate) {
        String content = (subject == null ? "" : subject) + "\n" + ownText(text);
        boolean dayFirst = templates.isEmpty() || templates.get(0).dayFirst();
        var statuses = new LinkedHashMap<String, String>();
        for (int i = templates.size() - 1; i >= 0; i--) {
            statuses.putAll(templates.get(i).statuses());
        }
        var reading = new Reading(dayFirst, mailDate, statuses);
        for (EmailTemplate template : templates) {
            for (EmailTemplate.Rule rule : template.rules()) {
                Matcher m = rule.matcher(content);
                while (m.find()) {
                    var groups = new LinkedHashMap<String, String>();
                    for (String name : EmailTemplate.groups(rule.pattern())) {
                        String value = m.group(name);
                        if (value != null && !value.isBlank()) {
                            groups.put(name, value.replaceAll("\\s+", " ").trim());
                        }
                    }
                    if (rule.status() != null) {
                        groups.putIfAbsent("status", rule.status());
                    }
                    reading.add(rule.kind(), groups);
                }
            }
        }
        return reading.result();
    }

    /** The mail's own words: quoted lines, the quoted thread below a reply header, and the signature left out. */
    static String ownText(String text) {
        var own = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.equals("--")
                    || trimmed.startsWith("-----Original Message-----")
                    || trimmed.matches("(?i)on .{3,100} wrote:")
                    || trimmed.matches("(?i)_{5,}")) {
                break;
            }
            if (!trimmed.startsWith(">")) {
                own.append(line).append('\n');
            }
        }
        return own.toString();
    }

    private static final class Reading {

        private final boolean dayFirst;
        private final LocalDate mailDate;
        private final Map<String, String> statuses;
        private final Map<EmailTemplate.Kind, Map<String, Map<String, String>>> facts =
                new EnumMap<>(EmailTemplate.Kind.class);
        private final Map<EmailTemplate.Kind, Map<String, String>> extras = new EnumMap<>(EmailTemplate.Kind.class);
        private final Map<String, String> references = new LinkedHashMap<>();
        private final Set<String> ambiguous = new LinkedHashSet<>();
        private final Set<String> conflicted = new LinkedHashSet<>();

        Reading(boolean dayFirst, LocalDate mailDate, Map<String, String> statuses) {
            this.dayFirst = dayFirst;
            this.mailDate = mailDate;
            this.statuses = statuses;
        }

        void add(EmailTemplate.Kind kind, Map<String, String> groups) {
            if (kind == EmailTemplate.Kind.REFERENCES) {
                groups.forEach((k, v) -> references.putIfAbsent(referenceName(k), v));
                return;
            }
            String key = key(kind, groups);
            if (key == null) {
                extras.computeIfAbsent(kind, k -> new LinkedHashMap<>()).putAll(groups);
                return;
            }
            Map<String, String> fact = facts.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashMap<>());
            groups.forEach((name, value) -> {
                String before = fact.get(name);
                if (before != null && !same(name, before, value)) {
                    ambiguous.add(
                            describe(kind, key) + ": two different " + name + "s (" + before + ", " + value + ")");
                    conflicted.add(kind + "|" + key);
                } else if (before == null) {
                    fact.put(name, value);
                }
            });
            if (kind == EmailTemplate.Kind.SHIPMENT_STATUS || kind == EmailTemplate.Kind.CUSTOMS_STATUS) {
                for (String ref : List.of("shipment", "bol", "container", "po")) {
                    if (groups.containsKey(ref)) {
                        references.putIfAbsent(referenceName(ref), groups.get(ref));
                    }
                }
            }
        }

        private boolean same(String name, String a, String b) {
            if (name.equals("date") || name.equals("eta")) {
                return Dates.parse(a, dayFirst, mailDate).equals(Dates.parse(b, dayFirst, mailDate));
            }
            return a.equalsIgnoreCase(b);
        }

        private static String key(EmailTemplate.Kind kind, Map<String, String> g) {
            return switch (kind) {
                case COMMITMENT -> g.containsKey("po") && g.containsKey("line")
                        ? g.get("po") + " line " + g.get("line")
                        : null;
                case SHIPMENT_STATUS -> first(g, "shipment", "container", "bol", "pro", "po");
                case CUSTOMS_STATUS -> first(g, "entry", "shipment", "container", "bol");
                case INVOICE -> g.get("invoice");
                case REFERENCES -> null;
            };
        }

        private static String first(Map<String, String> g, String... names) {
            for (String name : names) {
                if (g.containsKey(name)) {
                    return g.get(name).toUpperCase(Locale.ROOT);
                }
            }
            return null;
        }

        private static String describe(EmailTemplate.Kind kind, String key) {
            return switch (kind) {
                case COMMITMENT -> "PO " + key;
                case SHIPMENT_STATUS -> "shipment " + key;
                case CUSTOMS_STATUS -> "customs entry " + key;
                case INVOICE -> "invoice " + key;
                case REFERENCES -> key;
            };
        }

        private static String referenceName(String group) {
            return switch (group) {
                case "shipment" -> "shipmentId";
                case "po" -> "poNumber";
                default -> group;
            };
        }

        Extracted result() {
            var events = new ArrayList<EventData>();
            var understood = new ArrayList<String>();
            commitments(events, understood);
            statuses(events, understood);
            customs(events, understood);
            invoices(events, understood);
            return new Extracted(events, understood, List.copyOf(ambiguous), references);
        }

        private Map<String, Map<String, String>> usable(EmailTemplate.Kind kind) {
            var usable = new LinkedHashMap<String, Map<String, String>>();
            facts.getOrDefault(kind, Map.of()).forEach((key, fact) -> {
                if (!conflicted.contains(kind + "|" + key)) {
                    var merged = new LinkedHashMap<>(extras.getOrDefault(kind, Map.of()));
                    merged.putAll(fact);
                    usable.put(key, merged);
                }
            });
            return usable;
        }

        private void commitments(List<EventData> events, List<String> understood) {
            var byPo = new LinkedHashMap<String, List<CommitmentUpdated.Line>>();
            usable(EmailTemplate.Kind.COMMITMENT).forEach((key, f) -> {
                Optional<LocalDate> date = f.containsKey("date") ? date(f.get("date")) : Optional.empty();
                BigDecimal quantity = decimal(f.get("quantity"));
                if (f.containsKey("date") && date.isEmpty()) {
                    ambiguous.add("PO " + key + ": cannot read the date '" + f.get("date") + "'");
                    return;
                }
                if (date.isEmpty() && quantity == null) {
                    ambiguous.add("PO " + key + ": neither a date nor a quantity");
                    return;
                }
                byPo.computeIfAbsent(f.get("po"), k -> new ArrayList<>())
                        .add(new CommitmentUpdated.Line(
                                f.get("line"), quantity, date.orElse(null), f.get("reason"), null, null));
                understood.add("PO " + f.get("po") + " line " + f.get("line")
                        + date.map(d -> ": new date " + d).orElse("")
                        + (quantity == null
                                ? ""
                                : ", quantity " + quantity.stripTrailingZeros().toPlainString()));
            });
            byPo.forEach((po, lines) -> events.add(new CommitmentUpdated(po, lines, "from e-mail")));
        }

        private void statuses(List<EventData> events, List<String> understood) {
            usable(EmailTemplate.Kind.SHIPMENT_STATUS).forEach((key, f) -> {
                TransportStatus status = transport(f.get("status"));
                Optional<LocalDate> eta = f.containsKey("eta") ? date(f.get("eta")) : Optional.empty();
                if (status == null || (f.containsKey("eta") && eta.isEmpty())) {
                    ambiguous.add("shipment " + key + ": cannot tell its status or ETA");
                    return;
                }
                events.add(new ShipmentStatusReported(
                        new ShipmentStatusReported.References(
                                f.get("pro"),
                                f.get("bol"),
                                f.get("shipment"),
                                f.get("container"),
                                f.containsKey("po") ? List.of(f.get("po")) : List.of()),
                        null,
                        status,
                        f.get("status"),
                        f.get("reason"),
                        null,
                        eta.map(LocalDate::atStartOfDay).orElse(null),
                        null));
                understood.add("shipment " + key + ": " + status
                        + eta.map(d -> ", ETA " + d).orElse(""));
            });
        }

        private void customs(List<EventData> events, List<String> understood) {
            usable(EmailTemplate.Kind.CUSTOMS_STATUS).forEach((key, f) -> {
                CustomsStatusReported.Status status = customsStatus(f.get("status"));
                if (status == null) {
                    ambiguous.add("customs entry " + key + ": cannot tell its status");
                    return;
                }
                var refs = new LinkedHashMap<String, String>();
                if (f.containsKey("shipment")) {
                    refs.put("shipmentId", f.get("shipment"));
                }
                if (f.containsKey("container")) {
                    refs.put("container", f.get("container"));
                }
                if (f.containsKey("bol")) {
                    refs.put("bol", f.get("bol"));
                }
                if (!refs.containsKey("shipmentId") && references.containsKey("shipmentId")) {
                    refs.put("shipmentId", references.get("shipmentId"));
                }
                List<String> documents = f.containsKey("documents")
                        ? List.of(f.get("documents").split("\\s*(?:,|;|\\band\\b)\\s*")).stream()
                                .map(String::trim)
                                .filter(d -> !d.isEmpty())
                                .toList()
                        : List.of();
                events.add(new CustomsStatusReported(f.get("entry"), refs, status, f.get("reason"), documents));
                understood.add("customs entry " + key + ": " + status
                        + (documents.isEmpty() ? "" : ", documents requested: " + String.join(", ", documents)));
            });
        }

        private void invoices(List<EventData> events, List<String> understood) {
            usable(EmailTemplate.Kind.INVOICE).forEach((key, f) -> {
                BigDecimal amount = decimal(f.get("amount"));
                events.add(new InvoiceReceived(
                        f.get("invoice"),
                        InvoiceReceived.Kind.GOODS,
                        mailDate,
                        f.get("currency") == null ? null : f.get("currency").toUpperCase(Locale.ROOT),
                        amount,
                        f.containsKey("po") ? List.of(f.get("po")) : List.of(),
                        null,
                        null,
                        List.of(),
                        List.of()));
                understood.add(
                        "invoice " + f.get("invoice") + (amount == null ? "" : " for " + amount.toPlainString()));
            });
        }

        private TransportStatus transport(String keyword) {
            String mapped = mapped(keyword);
            try {
                return mapped == null ? null : TransportStatus.valueOf(mapped);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private CustomsStatusReported.Status customsStatus(String keyword) {
            String mapped = mapped(keyword);
            try {
                return mapped == null ? null : CustomsStatusReported.Status.valueOf(mapped);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private String mapped(String keyword) {
            if (keyword == null) {
                return null;
            }
            String k = keyword.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            return statuses.getOrDefault(k, keyword.toUpperCase(Locale.ROOT));
        }

        private Optional<LocalDate> date(String text) {
            return Dates.parse(text, dayFirst, mailDate);
        }

        private static BigDecimal decimal(String text) {
            if (text == null) {
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(text.replaceAll("[,'\\s]", ""));
                // a number no column holds is not understood: a person reads the mail
                return Magnitude.QUANTITY.fits(number) && Magnitude.AMOUNT.fits(number) ? number : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
