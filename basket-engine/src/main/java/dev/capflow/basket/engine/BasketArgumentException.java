package dev.capflow.basket.engine;

/** Bad basket input, naming the offending field (for example {@code members[2].symbol}) so callers can map it to INVALID_ARGUMENT. */
public class BasketArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BasketArgumentException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The path of the offending field, such as {@code members}, {@code members[3].weight} or {@code from}. */
    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
