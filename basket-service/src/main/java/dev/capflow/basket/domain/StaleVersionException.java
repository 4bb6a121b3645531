package dev.capflow.basket.domain;

/** The caller's version of a basket is not the stored one: someone else changed it first. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String basketId, long stored, long expected) {
        super("basket " + basketId + " is at version " + stored + ", not " + expected + "; re-read and retry");
    }
}
