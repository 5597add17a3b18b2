package io.seamline.routes.erp;

import io.seamline.adapters.persistence.Messages;
import io.seamline.coordination.erp.ErpImport;
import io.seamline.coordination.erp.ImportResult;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpBatch;
import io.seamline.mappings.erp.ErpFiles;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * One file from the ERP inbox: archived first, then imported once. The same bytes imported before are a
 * duplicate; a file that cannot be read or applied is rejected with every problem named.
 */
@Service
public class ErpFileImport {

    /** Who the timeline names as the actor of file imports. */
    public static final String ACTOR = "erp-file";

    private final Messages messages;
    private final ErpImport erpImport;
    private final Clock clock;

    public ErpFileImport(Messages messages, ErpImport erpImport, Clock clock) {
        this.messages = messages;
        this.erpImport = erpImport;
        this.clock = clock;
    }

    public FileOutcome importFile(String fileName, byte[] content) {
        ArchivedMessage archived = messages.archive(
                new IncomingMessage(
                        Direction.INBOUND, Channel.ERP, "FILE", formatOf(fileName), null, content, null, fileName),
                clock.instant());
        supersedeInterruptedAttempts(archived);
        Optional<ArchivedMessage> original = messages.sameContentAs(archived, List.of(MessageStatus.PROCESSED));
        if (original.isPresent()) {
            finish(
                    archived,
                    MessageStatus.DUPLICATE,
                    "same content as message " + original.get().id());
            return new FileOutcome.Duplicate(archived.id(), original.get().id());
        }
        Parsed<ErpBatch> parsed = ErpFiles.read(fileName, content);
        if (parsed instanceof Parsed.Invalid<ErpBatch> invalid) {
            return reject(archived, fileName, invalid.problems());
        }
        ErpBatch batch = ((Parsed.Valid<ErpBatch>) parsed).value();
        messages.describe(archived.id(), null, batch.documentType(), ControlNumbers.none());
        ImportResult result = erpImport.apply(batch, ACTOR, archived.id());
        if (result instanceof ImportResult.Rejected rejected) {
            return reject(archived, fileName, rejected.problems());
        }
        var applied = (ImportResult.Applied) result;
        finish(archived, MessageStatus.PROCESSED, null);
        return new FileOutcome.Imported(archived.id(), applied);
    }

    private FileOutcome reject(
            ArchivedMessage archived, String fileName, List<io.seamline.mappings.FieldProblem> problems) {
        String reason =
                problems.stream().map(p -> p.location() + ": " + p.message()).collect(Collectors.joining("; "));
        finish(archived, MessageStatus.REJECTED, reason);
        return new FileOutcome.Rejected(archived.id(), fileName, problems);
    }

    /** A crash between archiving and importing leaves a RECEIVED copy; the file is picked up again, so close it. */
    private void supersedeInterruptedAttempts(ArchivedMessage archived) {
        messages.sameContentAs(archived, List.of(MessageStatus.RECEIVED))
                .ifPresent(interrupted -> finish(
                        interrupted, MessageStatus.FAILED, "interrupted; picked up again as message " + archived.id()));
    }

    private void finish(ArchivedMessage message, MessageStatus status, String reason) {
        messages.transition(message.id(), List.of(MessageStatus.RECEIVED), status, reason, clock.instant());
    }

    private static MessageFormat formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return MessageFormat.CSV;
        }
        return name.endsWith(".json") ? MessageFormat.JSON : MessageFormat.OTHER;
    }
}
