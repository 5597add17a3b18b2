package io.seamline.coordination.retention;

import io.seamline.adapters.blobs.BlobStore;
import io.seamline.adapters.persistence.ErasureStore;
import io.seamline.adapters.persistence.Messages;
import io.seamline.coordination.audit.Audit;
import io.seamline.mappings.email.MailLimits;
import io.seamline.mappings.email.MailParser;
import io.seamline.mappings.json.Json;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of a person's data (an e-mail address or a name): the raw mails and what came in or went out with them that
 * carry it are replaced by a redaction marker with the reason (the row keeps the original's SHA-256); wherever text
 * and JSON hold it (partner contacts and their versions, mail templates' recipients, timelines, tasks, events,
 * deliveries, the audit trail's data) it becomes the marker; an address that identified a partner's mail sender is
 * removed. The facts derived from the documents (quantities, dates, decisions) stay. A legal hold keeps its mails.
 * The value itself is never stored: the erasure keeps its SHA-256 and a masked hint.
 */
@Service
public class Erasures {

    /** What is erased: {@code email} or {@code name}. */
    public record Request(String field, String value, String reason, boolean dryRun) {}

    /** What went (or, in a dry run, would go). */
    public record Outcome(
            UUID id,
            boolean dryRun,
            String field,
            String hint,
            int messages,
            long keptByHold,
            int senderAddresses,
            Map<String, Long> fields) {}

    private final ErasureStore store;
    private final Messages messages;
    private final BlobStore blobs;
    private final TransactionTemplate transactions;
    private final Audit audit;
    private final Clock clock;

    public Erasures(
            ErasureStore store,
            Messages messages,
            BlobStore blobs,
            TransactionTemplate transactions,
            Audit audit,
            Clock clock) {
        this.store = store;
        this.messages = messages;
        this.blobs = blobs;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is wrong with a request, or null. */
    public static String problem(Request request) {
        if (request.reason() == null || request.reason().isBlank()) {
            return "reason: say why the data is erased";
        }
        String value = request.value() == null ? "" : request.value().strip();
        if ("email".equals(request.field())) {
            return value.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+") ? null : "email: is an e-mail address";
        }
        if ("name".equals(request.field())) {
            return value.length() >= 3 && value.length() <= 200 ? null : "name: has 3 to 200 characters";
        }
        return "give email or name";
    }

    public Outcome erase(Request request, String actor) {
        if (problem(request) != null) {
            throw new IllegalArgumentException(problem(request));
        }
        String value = request.value().strip();
        String pattern = ErasureStore.pattern(request.field(), value);
        Pattern match = ErasureStore.matcher(pattern);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String marker = "[redacted: erasure " + id.toString().substring(0, 8) + "]";
        // each mail read once: what carries the value is redacted from the bytes read here
        List<Messages.Stored> carrying = new ArrayList<>();
        for (MessageId mail : store.mails()) {
            messages.withContent(mail)
                    .filter(stored -> carries(stored.content(), stored.message().channel(), match))
                    .ifPresent(carrying::add);
        }
        long held = store.held();
        boolean email = request.field().equals("email");
        if (request.dryRun()) {
            return new Outcome(
                    id,
                    true,
                    request.field(),
                    hint(request.field(), value),
                    carrying.size(),
                    held,
                    email ? store.removeAddress(value, true) : 0,
                    store.count(pattern));
        }
        return transactions.execute(status -> {
            for (Messages.Stored stored : carrying) {
                String text = "Erased on " + now + " by erasure " + id + " at the request of " + actor + ": "
                        + request.reason().strip() + "\nThe original had " + stored.content().length
                        + " bytes; its SHA-256 was " + stored.message().sha256() + ".\n";
                String key = blobs.put(text.getBytes(StandardCharsets.UTF_8));
                store.redactBytes(stored.message().id(), key, "erasure:" + id, now);
            }
            int addresses = email ? store.removeAddress(value, false) : 0;
            Map<String, Long> fields = store.redactText(pattern, marker);
            var outcome = new Outcome(
                    id, false, request.field(), hint(request.field(), value), carrying.size(), held, addresses, fields);
            var counts = new LinkedHashMap<String, Object>();
            counts.put("messages", outcome.messages());
            counts.put("keptByHold", held);
            counts.put("senderAddresses", addresses);
            counts.put("fields", fields);
            store.record(
                    id,
                    request.field(),
                    Messages.sha256(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)),
                    outcome.hint(),
                    request.reason().strip(),
                    actor,
                    now,
                    Json.write(counts));
            audit.record(actor, AuditKind.ERASURE, null, "erasure/" + id, null, outcome, request.reason());
            return outcome;
        });
    }

    /** Whether a message's bytes carry a match: as written, or once its mail headers and text are decoded. */
    static boolean carries(byte[] content, Channel channel, Pattern match) {
        if (match.matcher(new String(content, StandardCharsets.UTF_8)).find()
                || match.matcher(new String(content, StandardCharsets.ISO_8859_1))
                        .find()) {
            return true;
        }
        if (channel != Channel.EMAIL) {
            return false;
        }
        return MailParser.parse(content, MailLimits.DEFAULTS) instanceof MailParser.Result.Read read
                && match.matcher(String.join(
                                "\n",
                                String.valueOf(read.mail().from()),
                                String.valueOf(read.mail().fromName()),
                                String.join(",", read.mail().to()),
                                read.mail().subject(),
                                read.mail().text()))
                        .find();
    }

    /** The value, masked: {@code a***@supplier.example}, {@code A*** B***}. */
    static String hint(String field, String value) {
        if (field.equals("email")) {
            int at = value.indexOf('@');
            return value.charAt(0) + "***" + value.substring(at);
        }
        var words = new ArrayList<String>();
        for (String word : value.split("\\s+")) {
            words.add(word.charAt(0) + "***");
        }
        return String.join(" ", words);
    }
}
