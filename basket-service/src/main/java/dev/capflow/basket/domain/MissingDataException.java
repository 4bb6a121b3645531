package dev.capflow.basket.domain;

/** Market data a computation needs is not available (for example no FX instrument for a member's currency). */
public class MissingDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingDataException(String message) {
        super(message);
    }
}
