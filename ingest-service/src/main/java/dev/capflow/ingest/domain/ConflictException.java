package dev.capflow.ingest.domain;

/** The request conflicts with what is already stored (e.g. the same dividend with another amount). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
