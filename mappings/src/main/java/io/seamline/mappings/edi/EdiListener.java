package io.seamline.mappings.edi;

/**
 * Receives what the engine reads, as it reads it: each set when its trailer has been read, each interchange at its
 * end. A set's events are final only once its group and interchange are known to be sound; a consumer that needs
 * all-or-nothing (the pipeline) waits for {@link #interchange}. {@link #unreadable} ends the input.
 */
public interface EdiListener {

    void set(SetResult set);

    void interchange(InterchangeResult interchange);

    void unreadable(Unreadable unreadable);
}
