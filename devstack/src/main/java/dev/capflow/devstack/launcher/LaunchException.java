package dev.capflow.devstack.launcher;

/** A launcher step that cannot go on; the message says what to do. */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }
}
