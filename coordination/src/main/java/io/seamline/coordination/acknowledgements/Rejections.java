package io.seamline.coordination.acknowledgements;

import io.seamline.coordination.steps.Work;
import io.seamline.model.message.ArchivedMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an ACK_REJECTED task shows a person: the document of ours the partner refused, and why. */
final class Rejections {

    static final List<Map<String, Object>> SUGGESTIONS =
            List.of(Map.of("decision", "APPROVE", "effect", "the problem is fixed and the document resent"));

    private Rejections() {}

    static Map<String, Object> context(ArchivedMessage ours, Work work, List<String> errors) {
        var context = new LinkedHashMap<String, Object>();
        if (ours != null) {
            context.put("rejectedMessageId", ours.id().toString());
            context.put("documentType", ours.documentType());
        }
        context.put("messageId", work.message().id().toString());
        context.put("errors", errors);
        return context;
    }
}
