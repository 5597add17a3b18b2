package io.seamline.routes.pipeline;

import io.seamline.coordination.steps.Claimed;
import io.seamline.coordination.steps.Normalized;
import io.seamline.model.message.ArchivedMessage;

/**
 * Reads the messages of a channel whose format the pipeline does not read itself (a mail, MIME) into canonical
 * events. EDI and the API's JSON documents the {@link Normalizer} reads.
 */
public interface MessageReader {

    /** Whether this reader reads the message. */
    boolean reads(ArchivedMessage message);

    Normalized read(Claimed claimed);
}
