package io.seamline.routes.pipeline;

import io.seamline.coordination.steps.Normalized;

/**
 * A channel's own answer to a message it brought, once the message's events have run: a mail's reply in its thread,
 * saying what was understood and what became of it. Channels without one answer nothing here.
 */
public interface ChannelReply {

    Normalized reply(Normalized normalized);
}
