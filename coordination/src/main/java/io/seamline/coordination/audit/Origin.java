package io.seamline.coordination.audit;

/**
 * Where the change being audited came from: {@code API}, {@code PORTAL}, {@code SOAP}, {@code FILE} or {@code SYSTEM}.
 * The doors know (the portal module answers from the request); without one, a change is the system's own.
 */
public interface Origin {

    String via();
}
