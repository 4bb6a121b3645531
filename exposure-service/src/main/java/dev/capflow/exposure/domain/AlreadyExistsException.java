package dev.capflow.exposure.domain;

/** The id of a new entity or edge is taken. */
public class AlreadyExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String what, String id) {
        super(what + " " + id + " already exists");
    }
}
