package dev.capflow.ingest.domain;

/** Stored data cannot answer the request as asked (e.g. a dividend not below the prior close). */
public class InconsistentDataException extends RuntimeException {

    public InconsistentDataException(String message) {
        super(message);
    }
}
