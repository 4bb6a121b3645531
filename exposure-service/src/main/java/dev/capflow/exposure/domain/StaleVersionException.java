package dev.capflow.exposure.domain;

/** The caller's version of an entity or edge is not the stored one: someone else changed it first. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String what, String id, long stored, long expected) {
        super(what + " " + id + " is at version " + stored + ", not " + expected + "; re-read and retry");
    }
}
