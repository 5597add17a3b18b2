package io.seamline.mappings.edi.outbound;

/**
 * Issues our control numbers for one partner: {@code interchange} (ISA13, UNB 0020), {@code group} (GS06,
 * UNG 0048) and {@code set} (ST02, UNH 0062). The pipeline backs it by a database sequence, so a number is never
 * reused, restarts included.
 */
@FunctionalInterface
public interface ControlNumberSource {

    String INTERCHANGE = "interchange";
    String GROUP = "group";
    String SET = "set";

    long next(String kind);
}
