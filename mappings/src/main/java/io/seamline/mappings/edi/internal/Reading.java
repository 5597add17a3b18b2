package io.seamline.mappings.edi.internal;

import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.EdiListener;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupHeader;
import io.seamline.mappings.edi.GroupResult;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.SetAck;
import io.seamline.mappings.edi.SetResult;
import io.seamline.mappings.edi.SetStatus;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.SyntaxError;
import io.seamline.mappings.edi.Unreadable;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.SetOverrides;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One read of one input: drives StAEDI's event stream, assembles segments, tracks interchange, group and set
 * scopes, turns StAEDI's validation events into located {@link Defect}s at the right level, runs the set mappers,
 * and reports each set and interchange to the listener.
 */
public final class Reading {

    private static final EDIInputFactory FACTORY = factory();

    private final InputStream input;
    private final long maxBytes;
    private final Map<String, SetMapper> mappers;
    private final Function<Envelope, EdiProfile> profiles;
    private final EdiListener listener;

    private Detected detected;
    private NormalizedInput normalized;
    private final SegmentAssembly assembly = new SegmentAssembly();

    // interchange scope
    private Envelope envelope;
    private EdiProfile profile = EdiProfile.DEFAULT;
    private final List<GroupResult> groups = new ArrayList<>();
    private final List<Defect> interchangeDefects = new ArrayList<>();
    private final List<EventData> interchangeEvents = new ArrayList<>();

    // group scope (an implicit one for EDIFACT messages outside UNG/UNE)
    private boolean inGroup;
    private GroupHeader group;
    private int declaredSets = -1;
    private final List<SetAck> groupSets = new ArrayList<>();
    private final List<Defect> groupDefects = new ArrayList<>();
    private final Set<String> setControlNumbers = new HashSet<>();
    private final BitSet numericSetControls = new BitSet();
    private final Map<String, String> interned = new HashMap<>();

    // transaction scope
    private boolean inTransaction;
    private int headerPosition;
    private String setId;
    private String setControl;
    private String setVersion;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Defect> setDefects = new ArrayList<>();

    public Reading(
            InputStream input,
            long maxBytes,
            Map<String, SetMapper> mappers,
            Function<Envelope, EdiProfile> profiles,
            EdiListener listener) {
        this.input = input;
        this.maxBytes = maxBytes;
        this.mappers = mappers;
        this.profiles = profiles;
        this.listener = listener;
    }

    private static EDIInputFactory factory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        // Envelope code lists are enforced by what we map, not by StAEDI's tables: real partners write
        // "DESADV:0:96A" or a 7-digit GS04, and refusing those helps nobody.
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, false);
        return factory;
    }

    public void run() {
        try {
            readAll();
        } catch (ListenerFailed e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void readAll() {
        try {
            byte[] head = new byte[Detection.PEEK];
            int length = input.readNBytes(head, 0, head.length);
            if (length == 0 || isBlank(head, length)) {
                listener.unreadable(new Unreadable(Unreadable.Reason.EMPTY, "the input is empty", 0));
                return;
            }
            Optional<Detected> found = Detection.detect(head, length);
            if (found.isEmpty()) {
                listener.unreadable(new Unreadable(
                        Unreadable.Reason.NOT_EDI,
                        "the input does not start with an X12 (ISA) or EDIFACT (UNA/UNB) interchange header",
                        0));
                return;
            }
            detected = found.get();
            normalized = new NormalizedInput(head, length, input, detected, maxBytes);
            read(normalized);
        } catch (InputTooLarge e) {
            abandon(SyntaxError.INVALID_CONTENT, e.getMessage());
            listener.unreadable(new Unreadable(Unreadable.Reason.TOO_LARGE, e.getMessage(), e.limit()));
        } catch (IOException e) {
            abandon(SyntaxError.PREMATURE_END, "the input could not be read: " + e.getMessage());
            listener.unreadable(new Unreadable(Unreadable.Reason.UNREADABLE, String.valueOf(e.getMessage()), -1));
        }
    }

    private void read(InputStream normalized) throws IOException {
        try (EDIStreamReader reader =
                FACTORY.createEDIStreamReader(normalized, detected.charset().name())) {
            while (reader.hasNext()) {
                handle(reader, reader.next());
            }
            if (this.normalized.exceeded() != null) {
                throw this.normalized.exceeded();
            }
            if (envelope != null) {
                abandon(SyntaxError.PREMATURE_END, "the input ended before the interchange trailer");
            }
        } catch (ListenerFailed e) {
            throw e;
        } catch (EDIStreamException | RuntimeException e) {
            if (this.normalized.exceeded() != null) {
                throw this.normalized.exceeded();
            }
            String message = describe(e);
            boolean atEnd = message.contains("nexpected end of stream");
            if (envelope != null) {
                abandon(atEnd ? SyntaxError.PREMATURE_END : SyntaxError.INVALID_CONTROL_STRUCTURE, message);
            }
            listener.unreadable(new Unreadable(Unreadable.Reason.UNREADABLE, message, -1));
        }
    }

    private void handle(EDIStreamReader reader, EDIStreamEvent event) {
        switch (event) {
            case START_INTERCHANGE -> startInterchange();
            case START_SEGMENT -> assembly.start(
                    reader.getText(), reader.getLocation().getSegmentPosition());
            case ELEMENT_DATA -> {
                Location at = reader.getLocation();
                assembly.value(
                        at.getElementPosition(),
                        at.getComponentPosition(),
                        at.getElementOccurrence(),
                        reader.getText());
            }
            case END_SEGMENT -> endSegment(assembly.finish());
            case START_TRANSACTION -> startTransaction();
            case END_TRANSACTION -> endTransaction();
            case START_GROUP -> startGroup();
            case END_GROUP -> endGroup();
            case END_INTERCHANGE -> endInterchange();
            case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, event);
            default -> {
                // loops and composites carry nothing the segment assembly needs
            }
        }
    }

    private void startInterchange() {
        envelope = null;
        profile = EdiProfile.DEFAULT;
        groups.clear();
        interchangeDefects.clear();
        interchangeEvents.clear();
        inGroup = false;
        inTransaction = false;
    }

    private void startGroup() {
        inGroup = true;
        group = null;
        declaredSets = -1;
        groupSets.clear();
        groupDefects.clear();
        setControlNumbers.clear();
        numericSetControls.clear();
    }

    private void startTransaction() {
        if (!inGroup) {
            startGroup();
        }
        inTransaction = true;
        headerPosition = -1;
        setId = null;
        setControl = null;
        setVersion = group == null ? null : group.version();
        segments.clear();
        setDefects.clear();
    }

    private void endSegment(Assembled assembled) {
        String tag = assembled.tag();
        if (inTransaction) {
            if (headerPosition < 0) {
                headerPosition = assembled.position();
            }
            Segment segment = new Segment(tag, assembled.position() - headerPosition + 1, assembled.elements());
            segments.add(segment);
            if (tag.equals("ST") || tag.equals("UNH")) {
                readSetHeader(segment);
            }
            return;
        }
        Segment segment = new Segment(tag, assembled.position(), assembled.elements());
        switch (tag) {
            case "ISA" -> interchangeHeader(Envelopes.x12(segment, detected.delimiters()));
            case "UNB" -> interchangeHeader(Envelopes.edifact(segment, detected.delimiters()));
            case "GS" -> {
                group = Envelopes.x12Group(segment);
                setVersion = group.version();
            }
            case "UNG" -> group = Envelopes.edifactGroup(segment);
            case "GE", "UNE" -> declaredSets = count(segment.get(1));
            case "IEA", "UNZ" -> {
                // StAEDI checks the trailer's count and control number against the header
            }
            case "TA1" -> interchangeEvents.add(Envelopes.ta1(segment));
            case "UNA", "ISB", "ISE", "UNS" -> {
                // service segments that need no handling
            }
            default -> {
                if (envelope != null
                        && interchangeDefects.stream()
                                .noneMatch(d -> d.error() == SyntaxError.INVALID_CONTROL_STRUCTURE)) {
                    interchangeDefects.add(Defect.of(
                            SyntaxError.INVALID_CONTROL_STRUCTURE,
                            "segment " + tag + " (position " + assembled.position()
                                    + ") is outside any transaction set"));
                }
            }
        }
    }

    private void interchangeHeader(Envelope header) {
        envelope = header;
        if (header.standard() == Standard.X12 && !Envelopes.supportedX12Version(header.version())) {
            interchangeDefects.add(Defect.of(
                    SyntaxError.VERSION_NOT_SUPPORTED, "ISA12 version " + header.version() + " is not an X12 version"));
        }
        boolean x12 = header.standard() == Standard.X12;
        if (header.senderId() == null || header.senderId().isBlank()) {
            interchangeDefects.add(Defect.of(
                    SyntaxError.INVALID_SENDER_ID,
                    (x12 ? "ISA06" : "UNB 0004") + " is blank: the interchange does not say who sent it"));
        }
        if (header.receiverId() == null || header.receiverId().isBlank()) {
            interchangeDefects.add(Defect.of(
                    SyntaxError.INVALID_RECEIVER_ID,
                    (x12 ? "ISA08" : "UNB 0010") + " is blank: the interchange does not say whom it is for"));
        }
        if (normalized != null && normalized.repairedHeader() != null) {
            interchangeDefects.add(Defect.of(SyntaxError.INVALID_CONTENT, normalized.repairedHeader())
                    .asWarning());
        }
        EdiProfile chosen = profiles.apply(header);
        profile = chosen == null ? EdiProfile.DEFAULT : chosen;
    }

    private void readSetHeader(Segment header) {
        if (header.tag().equals("ST")) {
            setId = header.get(1);
            setControl = header.get(2);
        } else {
            setControl = header.get(1);
            setId = header.get(2, 1);
            String version = header.get(2, 2);
            String release = header.get(2, 3);
            setVersion = version == null ? null : release == null ? version : version + ":" + release;
        }
        if (setControl != null && !firstUseOf(setControl)) {
            setDefects.add(Defect.of(
                    SyntaxError.DUPLICATE_SET_CONTROL,
                    header.tag().equals("ST")
                            ? "set control number " + setControl + " (ST02) appears twice in the group"
                            : "message reference number " + setControl + " (UNH 0062) is used twice"));
        }
    }

    private void endTransaction() {
        inTransaction = false;
        SetResult result = mapTransaction();
        SetAck ack = result.ack();
        groupSets.add(new SetAck(
                intern(ack.setId()), ack.controlNumber(), intern(ack.version()), ack.status(), ack.defects()));
        deliver(() -> listener.set(result));
    }

    private SetResult mapTransaction() {
        Standard standard = detected.standard();
        SetMapper mapper = setId == null ? null : mappers.get(key(standard, setId));
        List<Defect> defects = new ArrayList<>(setDefects);
        List<EventData> events = List.of();
        if (mapper != null) {
            SetOverrides overrides = profile.overrides().forSet(setId);
            Reads reads = new Reads(detected.delimiters().decimal(), overrides.codes());
            try {
                events = mapper.map(
                        new Transaction(setId, setControl, setVersion, segments),
                        new MappingContext(envelope, group, overrides, reads));
            } catch (RuntimeException e) {
                reads.defects()
                        .add(Defect.of(
                                SyntaxError.SEGMENTS_IN_ERROR,
                                "mapping failed: " + e.getClass().getSimpleName() + ": " + e.getMessage() + " at "
                                        + java.util.Arrays.stream(e.getStackTrace())
                                                .filter(f -> f.getClassName().startsWith("io.seamline"))
                                                .findFirst()
                                                .map(Object::toString)
                                                .orElse("?")));
            }
            defects.addAll(reads.defects());
        }
        boolean errors = defects.stream().anyMatch(d -> !d.warning());
        SetStatus status;
        if (errors) {
            status = SetStatus.REJECTED;
        } else if (mapper == null || !mapper.producesEvents()) {
            status = SetStatus.UNSUPPORTED;
        } else if (defects.isEmpty()) {
            status = SetStatus.ACCEPTED;
        } else {
            status = SetStatus.ACCEPTED_WITH_ERRORS;
        }
        if (status == SetStatus.REJECTED
                && defects.stream().anyMatch(d -> d.error().level().ordinal() > 2)) {
            defects.add(Defect.of(SyntaxError.SEGMENTS_IN_ERROR, null));
        }
        return new SetResult(
                envelope,
                group,
                setId,
                setControl,
                setVersion,
                segments.size(),
                status,
                status.producesEvents() ? events : List.of(),
                defects);
    }

    private void endGroup() {
        inGroup = false;
        groups.add(new GroupResult(group, declaredSets < 0 ? groupSets.size() : declaredSets, groupSets, groupDefects));
        group = null;
    }

    private void endInterchange() {
        if (inGroup) {
            endGroup();
        }
        var result = new InterchangeResult(envelope, groups, interchangeEvents, interchangeDefects);
        deliver(() -> listener.interchange(result));
        envelope = null;
    }

    /** The interchange cannot be read to its end: what was read is reported, rejected, with the reason. */
    private void abandon(SyntaxError error, String detail) {
        if (envelope == null) {
            return;
        }
        if (inTransaction) {
            setDefects.add(Defect.of(SyntaxError.SET_TRAILER_MISSING, detail));
            endTransaction();
        }
        if (inGroup) {
            if (group != null) {
                groupDefects.add(Defect.of(SyntaxError.GROUP_TRAILER_MISSING, detail));
            }
            endGroup();
        }
        interchangeDefects.add(Defect.of(error, detail));
        endInterchange();
    }

    private void error(EDIStreamReader reader, EDIStreamEvent event) {
        EDIStreamValidationError type = reader.getErrorType();
        Location at = reader.getLocation();
        String tag = assembly.tag();
        String value = event == EDIStreamEvent.ELEMENT_DATA_ERROR && reader.hasText() ? reader.getText() : null;
        int element = Math.max(0, at.getElementPosition());
        int component = Math.max(0, at.getComponentPosition());
        Defect defect = ErrorTranslation.translate(
                detected.standard(),
                type,
                tag,
                element,
                component,
                reader.getReferenceCode(),
                value,
                inTransaction && headerPosition > 0 ? at.getSegmentPosition() - headerPosition + 1 : 0);
        if (type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH && sameNumber(value, headerControl(tag))) {
            defect = defect.asWarning();
        }
        switch (defect.error().level()) {
            case INTERCHANGE -> interchangeDefects.add(defect);
            case GROUP -> groupDefects.add(defect);
            default -> {
                if (inTransaction) {
                    setDefects.add(defect);
                } else if (inGroup) {
                    groupDefects.add(defect.asWarning());
                } else {
                    interchangeDefects.add(defect.asWarning());
                }
            }
        }
    }

    /** The control number the trailer {@code tag} must repeat. */
    private String headerControl(String tag) {
        return switch (tag) {
            case "SE", "UNT" -> setControl;
            case "GE", "UNE" -> group == null ? null : group.controlNumber();
            default -> envelope == null ? null : envelope.controlNumber();
        };
    }

    /** X12 control numbers are numbers: a trailer's {@code 3438} repeats a header's {@code 000003438}. */
    private static boolean sameNumber(String a, String b) {
        if (a == null || b == null || !a.trim().matches("\\d{1,9}") || !b.trim().matches("\\d{1,9}")) {
            return false;
        }
        return Long.parseLong(a.trim()) == Long.parseLong(b.trim());
    }

    /** True the first time a set control number appears in the group (sequential numbers cost a bit each). */
    private boolean firstUseOf(String control) {
        if (control.length() <= 6 && control.chars().allMatch(Character::isDigit)) {
            int number = Integer.parseInt(control);
            if (numericSetControls.get(number) || setControlNumbers.contains(control)) {
                return false;
            }
            numericSetControls.set(number);
            return true;
        }
        return setControlNumbers.add(control);
    }

    /**
     * The group keeps one acknowledgement record per set until its trailer (the 997 lists every set); set ids and
     * versions repeat, so they are kept once.
     */
    private String intern(String value) {
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    /** Calls the listener; what it throws is its own failure, not a problem of the input, and goes to the caller. */
    private static void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw new ListenerFailed(e);
        }
    }

    /**
     * The first interchange's header, without reading further: what intake needs to know who sent the bytes. Empty
     * when the input does not start with a readable interchange header.
     */
    public static Optional<Envelope> firstEnvelope(InputStream input, long maxBytes) {
        var found = new Envelope[1];
        EdiListener ignore = new EdiListener() {
            @Override
            public void set(SetResult set) {}

            @Override
            public void interchange(InterchangeResult interchange) {}

            @Override
            public void unreadable(Unreadable unreadable) {}
        };
        try {
            new Reading(
                            input,
                            maxBytes,
                            Map.of(),
                            envelope -> {
                                found[0] = envelope;
                                throw new ListenerFailed(new HeaderRead());
                            },
                            ignore)
                    .run();
        } catch (HeaderRead stop) {
            // read as far as needed
        }
        return Optional.ofNullable(found[0]);
    }

    private static final class HeaderRead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeaderRead() {
            super(null, null, false, false);
        }
    }

    /** A listener's exception, carried past the engine's own error handling. */
    static final class ListenerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    /** How mappers are looked up: standard and set id. */
    public static String key(Standard standard, String setId) {
        return standard + "/" + setId;
    }

    private static int count(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isBlank(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            byte b = head[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}
