package io.seamline.portal.web.messages;

import io.seamline.coordination.lookup.Lookup;
import io.seamline.coordination.lookup.Outcome;
import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.mappings.json.Json;
import io.seamline.model.Window;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageQuery;
import io.seamline.model.message.MessageStatus;
import io.seamline.portal.api.RawBytes;
import io.seamline.portal.security.Caller;
import io.seamline.portal.web.Forms;
import io.seamline.portal.web.PageNotFound;
import io.seamline.portal.web.SignedIn;
import io.seamline.routes.pipeline.Reprocessing;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message archive: a partner's own messages with their acknowledgement state; for internal users every
 * partner's, searchable by partner, control number, PO or shipment and date, each viewable raw and canonical side by
 * side and reprocessable. Also where a submission's outcome is read while the gateway decides.
 */
@Controller
@RequestMapping("/portal/messages")
class MessagePages {

    /** Raw bytes shown as text up to this size; larger or binary files are downloaded. */
    private static final int SHOWN_BYTES = 256 * 1024;

    private final Lookup lookup;
    private final Reprocessing reprocessing;
    private final SignedIn signedIn;

    public MessagePages(Lookup lookup, Reprocessing reprocessing, SignedIn signedIn) {
        this.lookup = lookup;
        this.reprocessing = reprocessing;
        this.signedIn = signedIn;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String control,
            @RequestParam(required = false) String po,
            @RequestParam(required = false) String shipment,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        Caller caller = signedIn.caller();
        String subject =
                Forms.filled(po) ? "po/" + po.strip() : Forms.filled(shipment) ? "shipment/" + shipment.strip() : null;
        var query = new MessageQuery(
                caller.scope(),
                Forms.partnerOrNull(partnerId),
                Forms.enumOrNull(MessageStatus.class, status),
                Forms.enumOrNull(Direction.class, direction),
                Forms.filled(control) ? control.strip() : null,
                subject,
                day(from),
                day(to) == null ? null : day(to).plus(java.time.Duration.ofDays(1)),
                Window.first(200));
        var page = lookup.messages(query);
        model.addAttribute("messages", page.items());
        model.addAttribute("total", page.total());
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("filter", new Filter(partnerId, status, direction, control, po, shipment, from, to));
        return "portal/messages";
    }

    /** The search form's values, shown again. */
    public record Filter(
            String partnerId,
            String status,
            String direction,
            String control,
            String po,
            String shipment,
            String from,
            String to) {}

    @GetMapping("/{id}")
    String message(@PathVariable String id, Model model) {
        Caller caller = signedIn.caller();
        MessageId messageId = messageId(id);
        Outcome outcome =
                lookup.outcome(messageId, caller.scope()).orElseThrow(() -> new PageNotFound("message " + id));
        ArchivedMessage message = outcome.message();
        byte[] raw = lookup.messageContent(messageId, caller.scope()).orElse(new byte[0]);
        model.addAttribute("message", message);
        model.addAttribute("raw", text(raw));
        model.addAttribute(
                "canonical",
                outcome.events().stream()
                        .map(e -> pretty(CloudEventsJson.toNode(e)))
                        .toList());
        model.addAttribute("outcome", OutcomeView.of(outcome));
        model.addAttribute("entries", outcome.entries());
        model.addAttribute(
                "acknowledgement",
                message.ackMessageId() == null
                        ? null
                        : lookup.message(message.ackMessageId(), caller.scope()).orElse(null));
        model.addAttribute(
                "answers",
                message.relatedMessageId() == null
                        ? null
                        : lookup.message(message.relatedMessageId(), caller.scope())
                                .orElse(null));
        return "portal/message";
    }

    /** What became of a message so far, as a fragment that asks again while the gateway is still deciding. */
    @GetMapping("/{id}/outcome")
    String outcome(@PathVariable String id, Model model) {
        Caller caller = signedIn.caller();
        Outcome outcome =
                lookup.outcome(messageId(id), caller.scope()).orElseThrow(() -> new PageNotFound("message " + id));
        model.addAttribute("outcome", OutcomeView.of(outcome));
        return "portal/fragments :: outcome";
    }

    /** The archived bytes, exactly as received or sent. */
    @GetMapping("/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable String id) {
        Caller caller = signedIn.caller();
        MessageId messageId = messageId(id);
        ArchivedMessage message =
                lookup.message(messageId, caller.scope()).orElseThrow(() -> new PageNotFound("message " + id));
        byte[] content =
                lookup.messageContent(messageId, caller.scope()).orElseThrow(() -> new PageNotFound("message " + id));
        String name = message.fileName() != null ? message.fileName() : message.id() + ".dat";
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM);
        RawBytes.headers(name, message.sha256()).forEach(response::header);
        return response.body(content);
    }

    @PostMapping("/{id}/reprocess")
    String reprocess(@PathVariable String id, RedirectAttributes redirect) {
        Reprocessing.Outcome outcome =
                reprocessing.reprocess(messageId(id), signedIn.caller().actor());
        if (outcome == Reprocessing.Outcome.NOT_FOUND) {
            throw new PageNotFound("message " + id);
        }
        redirect.addFlashAttribute(
                "notice",
                outcome == Reprocessing.Outcome.QUEUED
                        ? "The message is queued to be processed again."
                        : "This message cannot be reprocessed (it is outbound, or already waiting).");
        return "redirect:/portal/messages/" + id;
    }

    private static MessageId messageId(String id) {
        try {
            return new MessageId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("message " + id);
        }
    }

    /** The bytes as text when they are UTF-8 text of a readable size, else null (the page offers the download). */
    static String text(byte[] raw) {
        if (raw.length > SHOWN_BYTES) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
            boolean binary = text.chars()
                    .anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1c && c != 0x1d
                            && c != 0x1e && c != 0x1f);
            return binary ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String pretty(Object node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (java.io.IOException e) {
            return String.valueOf(node);
        }
    }

    private static java.time.Instant day(String value) {
        if (!Forms.filled(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
