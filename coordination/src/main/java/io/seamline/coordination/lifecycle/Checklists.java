package io.seamline.coordination.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.Direction;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a partner must show before a document type goes LIVE: the default checklists ({@code
 * certification/checklists.json}: scenario names per direction and document type, a role's own under {@code
 * <type>@<ROLE>}), replaced per type by the partner's own; and which document types a new partner's channels carry.
 */
@Component
public class Checklists {

    /** The interchange itself (sender and receiver, control numbers): a checklist of every EDI partner. */
    public static final String ENVELOPE = "envelope";

    /** The scenario of a document type without a checklist: one test document processed without a problem. */
    public static final String PROCESSED = "processed";

    private static final TypeReference<Map<String, Map<String, Object>>> FILE = new TypeReference<>() {};

    private final Map<Direction, Map<String, List<String>>> defaults;

    public Checklists() {
        this.defaults = load();
    }

    /**
     * The scenarios of a document type for this partner: its own list (under the type, or {@code outbound:<type>}),
     * else its role's, else the default; a type without a checklist asks for one test document processed.
     */
    public List<String> of(Partner partner, Map<String, List<String>> own, Direction direction, String type) {
        String ownKey = direction == Direction.INBOUND ? type : "outbound:" + type;
        if (own.containsKey(ownKey)) {
            return List.copyOf(own.get(ownKey));
        }
        String base = type.startsWith(ENVELOPE + ":") ? ENVELOPE : type;
        Map<String, List<String>> lists = defaults.getOrDefault(direction, Map.of());
        List<String> list = lists.get(base + "@" + partner.role().name());
        if (list == null) {
            list = lists.get(base);
        }
        return list == null ? List.of(PROCESSED) : list;
    }

    /** Scenario names a checklist may use. */
    public static boolean known(String scenario) {
        return Scenarios.known(scenario);
    }

    /** The scenario names a checklist may use. */
    public static List<String> names() {
        return Scenarios.names();
    }

    /** A document type as one row of a partner's board. */
    record Kind(Direction direction, String documentType) {}

    /**
     * The document types a new partner's channels carry, by its role: EDI in the standard of each EDI channel (X12
     * unless it says EDIFACT), the API's JSON documents when it has a portal or webhook channel or no EDI one, and
     * mail when it has a mail channel.
     */
    static List<Kind> kindsOf(Partner partner) {
        Set<String> standards = new LinkedHashSet<>();
        boolean api = false;
        boolean mail = false;
        Set<ChannelKind> edi = EnumSet.of(ChannelKind.SFTP, ChannelKind.AS2, ChannelKind.HTTP, ChannelKind.FILE);
        for (ChannelProfile channel : partner.channels()) {
            if (edi.contains(channel.kind())) {
                standards.add("EDIFACT".equalsIgnoreCase(channel.settings().get("standard")) ? "EDIFACT" : "X12");
            } else if (channel.kind() == ChannelKind.EMAIL) {
                mail = true;
            } else {
                api = true;
            }
        }
        if (standards.isEmpty()) {
            api = true;
        }
        var kinds = new ArrayList<Kind>();
        for (String standard : standards) {
            boolean x12 = standard.equals("X12");
            switch (partner.role()) {
                case SUPPLIER -> {
                    inbound(kinds, x12 ? List.of("855", "856", "810") : List.of("ORDRSP", "DESADV", "INVOIC"));
                    kinds.add(new Kind(Direction.OUTBOUND, x12 ? "850" : "ORDERS"));
                }
                case CARRIER, FORWARDER -> {
                    inbound(
                            kinds,
                            x12 ? List.of("214", "315", "210", "310", "110", "990") : List.of("IFTSTA", "INVOIC"));
                    if (x12) {
                        kinds.add(new Kind(Direction.OUTBOUND, "204"));
                    }
                }
                case BROKER -> inbound(kinds, x12 ? List.of() : List.of("CUSRES"));
            }
            kinds.add(new Kind(Direction.INBOUND, ENVELOPE + ":" + standard));
        }
        if (api) {
            inbound(kinds, apiKinds(partner.role()));
        }
        if (mail) {
            kinds.add(new Kind(Direction.INBOUND, "email"));
        }
        return List.copyOf(new LinkedHashSet<>(kinds));
    }

    private static List<String> apiKinds(PartnerRole role) {
        return switch (role) {
            case SUPPLIER -> List.of("po.acknowledged", "shipment.notice", "invoice.received");
            case CARRIER, FORWARDER -> List.of("shipment.status", "invoice.received");
            case BROKER -> List.of("customs.status");
        };
    }

    private static void inbound(List<Kind> kinds, List<String> types) {
        types.forEach(t -> kinds.add(new Kind(Direction.INBOUND, t)));
    }

    @SuppressWarnings("unchecked")
    private static Map<Direction, Map<String, List<String>>> load() {
        try (InputStream in = Checklists.class.getResourceAsStream("/certification/checklists.json")) {
            Map<String, Map<String, Object>> file = Json.mapper().readValue(in, FILE);
            var byDirection = new java.util.EnumMap<Direction, Map<String, List<String>>>(Direction.class);
            for (Direction direction : Direction.values()) {
                var lists = new java.util.LinkedHashMap<String, List<String>>();
                file.getOrDefault(direction.name(), Map.of())
                        .forEach((type, names) -> lists.put(type, List.copyOf((List<String>) names)));
                lists.values().stream()
                        .flatMap(List::stream)
                        .filter(name -> !Scenarios.known(name))
                        .findFirst()
                        .ifPresent(name -> {
                            throw new IllegalStateException("certification/checklists.json: unknown scenario " + name);
                        });
                byDirection.put(direction, Map.copyOf(lists));
            }
            return byDirection;
        } catch (IOException e) {
            throw new UncheckedIOException("certification/checklists.json cannot be read", e);
        }
    }
}
