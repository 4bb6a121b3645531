package dev.capflow.ingest.domain;

/** The caller's optimistic-lock version no longer matches the stored one; re-read and retry. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String message) {
        super(message);
    }
}
