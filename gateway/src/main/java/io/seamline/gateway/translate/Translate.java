package io.seamline.gateway.translate;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.EdiEngine;
import io.seamline.mappings.edi.EdiListener;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupResult;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.mappings.edi.SetResult;
import io.seamline.mappings.edi.SetStatus;
import io.seamline.mappings.edi.Unreadable;
import io.seamline.mappings.edi.ack.Acknowledgements;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.EventData;
import io.seamline.model.message.Channel;
import io.seamline.model.partner.PartnerId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Translates EDI files offline: {@code translate [--ack FILE] [--mappings DIR] FILE...}. Each interchange's events
 * go to stdout as CloudEvents JSON lines once the interchange is read to its end and sound (a rejected interchange
 * prints none); every problem goes to stderr with its place; acknowledgements are written to {@code --ack}.
 * Exit 0 when every set was accepted, 3 when a set or interchange was rejected (or is not supported), 2 when an
 * input is not a readable interchange or an argument is wrong.
 */
public final class Translate {

    public static final int ACCEPTED = 0;
    public static final int UNREADABLE = 2;
    public static final int REJECTED = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public Translate(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** StAEDI logs through java.util.logging; a strong reference keeps the quieter level in force. */
    private static final java.util.logging.Logger STAEDI_LOG = java.util.logging.Logger.getLogger("io.xlate");

    public static void main(String[] args) {
        STAEDI_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(new Translate(System.out, System.err, Clock.systemUTC()).run(args));
    }

    public int run(String... args) {
        Path ack = null;
        Path mappingsDir = null;
        var files = new ArrayList<Path>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ack" -> {
                    if (++i >= args.length) {
                        return usage("--ack needs a file");
                    }
                    ack = Path.of(args[i]);
                }
                case "--mappings" -> {
                    if (++i >= args.length) {
                        return usage("--mappings needs a folder");
                    }
                    mappingsDir = Path.of(args[i]);
                }
                case "-h", "--help" -> {
                    usage(null);
                    return ACCEPTED;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return usage("unknown option " + args[i]);
                    }
                    files.add(Path.of(args[i]));
                }
            }
        }
        if (files.isEmpty()) {
            return usage("no file to translate");
        }
        PartnerMappings mappings;
        try {
            mappings = PartnerMappings.load(mappingsDir);
        } catch (RuntimeException e) {
            err.println("translate: " + e.getMessage());
            return UNREADABLE;
        }
        var acks = new ByteArrayOutputStream();
        int exit = ACCEPTED;
        for (Path file : files) {
            exit = Math.max(exit, translate(file, mappings, acks));
        }
        if (ack != null) {
            try {
                Files.write(ack, acks.toByteArray());
            } catch (IOException e) {
                err.println("translate: cannot write " + ack + ": " + e.getMessage());
                return UNREADABLE;
            }
        }
        out.flush();
        return exit;
    }

    private int translate(Path file, PartnerMappings mappings, OutputStream acks) {
        var result = new FileOutcome(file, mappings, acks);
        try (InputStream in = Files.newInputStream(file)) {
            EdiEngine.withDefaults().read(in, result::profile, result);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return UNREADABLE;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return UNREADABLE;
        }
        // a file read far enough to be answered (a TA1 or CONTRL that rejects it) was read: it is rejected, not
        // unreadable
        return result.exit == UNREADABLE && result.answered ? REJECTED : result.exit;
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("translate: " + problem);
        }
        err.println("usage: java -jar seamline.jar translate [--ack FILE] [--mappings DIR] FILE...");
        return problem == null ? ACCEPTED : UNREADABLE;
    }

    /** Collects one file's results, printing each interchange's events once the interchange is known sound. */
    private final class FileOutcome implements EdiListener {

        private final Path file;
        private final PartnerMappings mappings;
        private final OutputStream acks;
        private final byte[] content;
        private final List<EventData> pending = new ArrayList<>();
        private final AtomicLong controlNumbers = new AtomicLong();
        private EdiProfile profile = EdiProfile.DEFAULT;
        private String partner;
        private int eventIndex;
        int exit = ACCEPTED;
        boolean answered;

        FileOutcome(Path file, PartnerMappings mappings, OutputStream acks) {
            this.file = file;
            this.mappings = mappings;
            this.acks = acks;
            this.content = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        }

        EdiProfile profile(Envelope envelope) {
            var mapping = mappings.bySender(envelope);
            partner = mapping.map(PartnerMapping::partner).orElse(null);
            profile = mapping.map(PartnerMapping::profile).orElse(EdiProfile.DEFAULT);
            return profile;
        }

        @Override
        public void set(SetResult set) {
            String where = file + ": " + set.setId() + " " + set.controlNumber();
            for (Defect defect : set.defects()) {
                err.println(where + ": " + defect);
            }
            if (set.status() == SetStatus.REJECTED) {
                err.println(where + ": rejected");
                exit = Math.max(exit, REJECTED);
            } else if (set.status() == SetStatus.UNSUPPORTED) {
                err.println(
                        where + ": not a set Seamline maps" + (profile.acceptUnsupportedSets() ? " (accepted)" : ""));
                if (!profile.acceptUnsupportedSets()) {
                    exit = Math.max(exit, REJECTED);
                }
            }
            pending.addAll(set.events());
        }

        @Override
        public void interchange(InterchangeResult interchange) {
            String where = file + ": interchange "
                    + (interchange.envelope() == null
                            ? "?"
                            : interchange.envelope().controlNumber());
            for (Defect defect : interchange.defects()) {
                err.println(where + ": " + defect);
            }
            interchange.groups().forEach(g -> g.defects()
                    .forEach(d -> err.println(where + ": group "
                            + (g.header() == null ? "" : g.header().controlNumber()) + ": " + d)));
            if (interchange.groups().stream().anyMatch(GroupResult::rejectedAsAWhole)) {
                // the group's acknowledgement says AK9 R: so does the exit
                exit = Math.max(exit, REJECTED);
            }
            if (interchange.rejected()) {
                err.println(where + ": rejected; its " + pending.size() + " events are not valid");
                exit = Math.max(exit, REJECTED);
            } else {
                pending.addAll(interchange.interchangeEvents());
                for (EventData data : pending) {
                    out.println(CloudEventsJson.write(new CanonicalEvent(
                            UUID.nameUUIDFromBytes((file.toAbsolutePath() + "#" + eventIndex++)
                                            .getBytes(StandardCharsets.UTF_8))
                                    .toString(),
                            "/translate/" + new String(content, StandardCharsets.UTF_8),
                            clock.instant(),
                            partner == null ? null : PartnerId.of(partner),
                            null,
                            Channel.EDI,
                            data)));
                }
            }
            pending.clear();
            Acknowledgements.forInterchange(
                            interchange, profile, kind -> controlNumbers.incrementAndGet(), LocalDateTime.now(clock))
                    .ifPresent(a -> {
                        answered = true;
                        try {
                            acks.write(a.content());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }

        @Override
        public void unreadable(Unreadable unreadable) {
            err.println(file + ": " + unreadable);
            exit = UNREADABLE;
        }
    }
}
