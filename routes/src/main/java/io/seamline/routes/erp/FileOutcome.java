package io.seamline.routes.erp;

import io.seamline.coordination.erp.ImportResult;
import io.seamline.mappings.FieldProblem;
import io.seamline.model.message.MessageId;
import java.util.List;
import java.util.stream.Collectors;

/** What became of one file from the ERP inbox, and where the file goes next. */
sealed interface FileOutcome {

    /** The archived message the file became. */
    MessageId messageId();

    /** True when the file goes to {@code .error} with a sidecar that says why. */
    default boolean rejected() {
        return this instanceof Rejected;
    }

    /** Where the file is moved: {@code .done/} or {@code .error/}, its name stamped with its message id. */
    default String movedTo(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stamped = dot > 0
                ? fileName.substring(0, dot) + "." + messageId() + fileName.substring(dot)
                : fileName + "." + messageId();
        return (rejected() ? ".error/" : ".done/") + stamped;
    }

    record Imported(MessageId messageId, ImportResult.Applied applied) implements FileOutcome {}

    /** The same bytes were imported before, as {@code original}; nothing was applied again. */
    record Duplicate(MessageId messageId, MessageId original) implements FileOutcome {}

    record Rejected(MessageId messageId, String fileName, List<FieldProblem> problems) implements FileOutcome {

        public Rejected {
            problems = List.copyOf(problems);
        }

        /** The sidecar's text: what was wrong and where, one problem a line. */
        public String report() {
            return "Seamline could not import " + fileName + " (message " + messageId + "); nothing was applied.\n"
                    + problems.stream()
                            .map(p -> p.location() + ": " + p.message())
                            .collect(Collectors.joining("\n"))
                    + "\n";
        }
    }
}
