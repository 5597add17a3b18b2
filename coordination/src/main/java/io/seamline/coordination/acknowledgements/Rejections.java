package io.seamline.coordination.acknowledgements;

import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.model.message.ArchivedMessage;
import java.util.List;
import java.util.Map;

/** What an ACK_REJECTED task shows a person: the document of ours the partner refused, and why. */
final class Rejections {

    static final List<Map<String, Object>> SUGGESTIONS =
            List.of(Map.of("decision", "APPROVE", "effect", "the problem is fixed and the document resent"));

    private Rejections() {}

    static TaskContext.AckRejected context(ArchivedMessage ours, Work work, List<String> errors) {
        return new TaskContext.AckRejected(
                ours == null ? null : ours.id(),
                ours == null ? null : ours.documentType(),
                work.message().id(),
                errors);
    }
}
