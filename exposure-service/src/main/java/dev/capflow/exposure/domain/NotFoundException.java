package dev.capflow.exposure.domain;

/** No entity or edge has the requested id. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String id) {
        super("no " + what + " " + id);
    }
}
