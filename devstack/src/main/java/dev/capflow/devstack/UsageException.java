package dev.capflow.devstack;

/** A command line that does not match the command's usage; the message names the bad argument. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
