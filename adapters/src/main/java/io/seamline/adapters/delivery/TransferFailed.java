package io.seamline.adapters.delivery;

/** A transfer that did not go through; {@code permanent} when retrying the same request cannot help (HTTP 4xx). */
public class TransferFailed extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public TransferFailed(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public TransferFailed(String message, Throwable cause) {
        super(message, cause);
        this.permanent = false;
    }

    public boolean permanent() {
        return permanent;
    }
}
