package io.seamline.mappings.edi;

import io.seamline.mappings.edi.ack.Acknowledgements;
import io.seamline.mappings.edi.outbound.OutboundEdi;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Reads an input with the engine and keeps everything it said, with the acknowledgements it owes. */
public final class Recording implements EdiListener {

    public static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 8, 0);

    public final List<SetResult> sets = new ArrayList<>();
    public final List<InterchangeResult> interchanges = new ArrayList<>();
    public final List<Unreadable> unreadable = new ArrayList<>();
    public final List<OutboundEdi> acks = new ArrayList<>();
    private final Function<Envelope, EdiProfile> profiles;
    private final AtomicLong numbers = new AtomicLong();

    private Recording(Function<Envelope, EdiProfile> profiles) {
        this.profiles = profiles;
    }

    public static Recording read(EdiEngine engine, InputStream in, Function<Envelope, EdiProfile> profiles) {
        var recording = new Recording(profiles);
        engine.read(in, profiles, recording);
        return recording;
    }

    public static Recording read(byte[] bytes) {
        return read(EdiEngine.withDefaults(), new ByteArrayInputStream(bytes), e -> EdiProfile.DEFAULT);
    }

    public static Recording read(String text) {
        return read(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public void set(SetResult set) {
        sets.add(set);
    }

    @Override
    public void interchange(InterchangeResult interchange) {
        interchanges.add(interchange);
        Acknowledgements.forInterchange(
                        interchange, profiles.apply(interchange.envelope()), kind -> numbers.incrementAndGet(), NOW)
                .ifPresent(acks::add);
    }

    @Override
    public void unreadable(Unreadable problem) {
        unreadable.add(problem);
    }

    /** Events of the sets of every interchange that was not rejected. */
    public List<io.seamline.model.event.EventData> acceptedEvents() {
        var events = new ArrayList<io.seamline.model.event.EventData>();
        int set = 0;
        for (InterchangeResult interchange : interchanges) {
            int count =
                    interchange.groups().stream().mapToInt(g -> g.sets().size()).sum();
            if (!interchange.rejected()) {
                for (int i = set; i < set + count && i < sets.size(); i++) {
                    events.addAll(sets.get(i).events());
                }
                events.addAll(interchange.interchangeEvents());
            }
            set += count;
        }
        return events;
    }

    /**
     * Where an X12 acknowledgement disagrees with what was read: each AK9 must count the sets its group held (AK903),
     * the AK2 loops it wrote, and as accepted (AK904) exactly the AK5 A and E answers. Empty when they agree.
     */
    public List<String> ackDisagreements() {
        var problems = new ArrayList<String>();
        var groups = interchanges.stream()
                .filter(i -> i.envelope().standard() == Standard.X12)
                .flatMap(i -> i.groups().stream())
                .toList();
        int group = 0;
        for (OutboundEdi ack : acks) {
            String text = ack.text();
            if (!text.startsWith("ISA") || text.length() < 106) {
                continue;
            }
            String elements = java.util.regex.Pattern.quote(String.valueOf(text.charAt(3)));
            int sets = 0;
            int accepted = 0;
            for (String segment : text.split(java.util.regex.Pattern.quote(String.valueOf(text.charAt(105))))) {
                String[] e = segment.strip().split(elements, -1);
                switch (e[0]) {
                    case "AK1" -> {
                        sets = 0;
                        accepted = 0;
                    }
                    case "AK2" -> sets++;
                    case "AK5" -> accepted += e[1].equals("A") || e[1].equals("E") ? 1 : 0;
                    case "AK9" -> {
                        int received = Integer.parseInt(e[3]);
                        if (received != sets) {
                            problems.add("AK903 says " + received + " sets, the 997 answers " + sets);
                        }
                        if (Integer.parseInt(e[4]) != accepted) {
                            problems.add("AK904 says " + e[4] + " accepted, the AK5s accept " + accepted);
                        }
                        if (group < groups.size() && groups.get(group).sets().size() != received) {
                            problems.add("AK903 says " + received + " sets, the group held "
                                    + groups.get(group).sets().size());
                        }
                        group++;
                    }
                    default -> {
                        // other segments carry no counts
                    }
                }
            }
        }
        return problems;
    }

    public SetResult only() {
        if (sets.size() != 1) {
            throw new AssertionError("expected one set, read " + sets.size());
        }
        return sets.get(0);
    }
}
