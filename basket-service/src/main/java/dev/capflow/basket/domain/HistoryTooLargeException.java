package dev.capflow.basket.domain;

/** An answer would read more history than capflow.basket.max-history-points allows; the message names the limit. */
public class HistoryTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistoryTooLargeException(String message) {
        super(message);
    }
}
