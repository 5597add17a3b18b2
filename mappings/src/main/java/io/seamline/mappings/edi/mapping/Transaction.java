package io.seamline.mappings.edi.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The segments of one transaction set or message, header and trailer included, with ways to find them. */
public final class Transaction {

    private final String setId;
    private final String controlNumber;
    private final String version;
    private final List<Segment> segments;

    public Transaction(String setId, String controlNumber, String version, List<Segment> segments) {
        this.setId = setId;
        this.controlNumber = controlNumber;
        this.version = version;
        this.segments = List.copyOf(segments);
    }

    public String setId() {
        return setId;
    }

    public String controlNumber() {
        return controlNumber;
    }

    /** GS08 for X12 (such as 004010), the UNH message version and release for EDIFACT (such as D:96A). */
    public String version() {
        return version;
    }

    public List<Segment> segments() {
        return segments;
    }

    public Optional<Segment> first(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).findFirst();
    }

    public Optional<Segment> first(String tag, Predicate<Segment> where) {
        return segments.stream()
                .filter(s -> s.tag().equals(tag) && where.test(s))
                .findFirst();
    }

    public List<Segment> all(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).toList();
    }

    /** The header segments: everything before the first segment with the loop's tag. */
    public List<Segment> before(String loopTag) {
        var header = new ArrayList<Segment>();
        for (Segment s : segments) {
            if (s.tag().equals(loopTag)) {
                break;
            }
            header.add(s);
        }
        return header;
    }

    /**
     * Splits the set into loops that each start with {@code loopTag} and run until the next one or a segment whose
     * tag is in {@code endTags} (a summary such as CTT or the trailer).
     */
    public List<List<Segment>> loops(String loopTag, Set<String> endTags) {
        return loops(segments, loopTag, endTags);
    }

    public static List<List<Segment>> loops(List<Segment> segments, String loopTag, Set<String> endTags) {
        var loops = new ArrayList<List<Segment>>();
        List<Segment> current = null;
        for (Segment s : segments) {
            if (s.tag().equals(loopTag)) {
                current = new ArrayList<>();
                loops.add(current);
            } else if (endTags.contains(s.tag())) {
                current = null;
            }
            if (current != null) {
                current.add(s);
            }
        }
        return loops;
    }

    /** The first segment with this tag in a list of segments. */
    public static Optional<Segment> first(List<Segment> segments, String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).findFirst();
    }

    public static Optional<Segment> first(List<Segment> segments, String tag, Predicate<Segment> where) {
        return segments.stream()
                .filter(s -> s.tag().equals(tag) && where.test(s))
                .findFirst();
    }
}
