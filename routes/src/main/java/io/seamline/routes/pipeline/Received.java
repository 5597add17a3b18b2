package io.seamline.routes.pipeline;

import io.seamline.mappings.FieldProblem;
import io.seamline.model.message.MessageId;
import java.util.List;

/** What intake did with bytes: archived and queued, or archived and refused (with why), or refused at the door. */
public sealed interface Received {

    /** The archived message, null when the bytes were refused before archiving (too large). */
    MessageId messageId();

    record Accepted(MessageId messageId) implements Received {}

    record Refused(MessageId messageId, Reason reason, String detail, List<FieldProblem> problems) implements Received {

        public Refused {
            problems = List.copyOf(problems);
        }
    }

    enum Reason {
        /** Not an X12 or EDIFACT interchange. */
        NOT_EDI,
        /** The envelope's sender is no partner of ours. */
        UNKNOWN_SENDER,
        /** The caller (or the channel) does not act for the sender. */
        NOT_YOURS,
        /** The document is not valid. */
        INVALID,
        /** What the document is about does not exist (for the caller). */
        NOT_FOUND,
        TOO_LARGE
    }
}
