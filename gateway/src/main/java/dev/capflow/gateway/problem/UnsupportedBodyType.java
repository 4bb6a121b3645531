package dev.capflow.gateway.problem;

import dev.capflow.gateway.request.FieldViolation;
import jakarta.ws.rs.NotSupportedException;
import java.util.List;

/**
 * A request body whose {@code Content-Type} a route does not take (415), named as the header the client sent. JAX-RS
 * refuses a concrete type the route does not declare before any route runs, so it does not say what the route takes:
 * {@link RequiredContentType} does, for the bodies JAX-RS would otherwise read anyway.
 */
public class UnsupportedBodyType extends NotSupportedException {

    /** The header as the client spells it. */
    public static final String HEADER = "Content-Type";

    private final transient List<String> takes;

    public UnsupportedBodyType(List<String> takes) {
        super("send the body with " + HEADER + ": " + String.join(", ", takes));
        this.takes = List.copyOf(takes);
    }

    /** The violation of a request that sent {@code sent} (null: no header) to a route taking {@code takes}. */
    static FieldViolation violation(String sent, List<String> takes) {
        String what = sent == null ? "is missing" : sent.isBlank() ? "is empty" : "is '" + quoted(sent) + "'";
        String remedy = takes.isEmpty()
                ? "this route does not take it (JSON bodies are application/json, CSV imports text/csv)"
                : "send the body as " + String.join(", ", takes);
        return new FieldViolation(HEADER, what + ": " + remedy);
    }

    List<String> takes() {
        return takes;
    }

    private static String quoted(String sent) {
        return sent.length() <= 64 ? sent : sent.substring(0, 64) + "...";
    }
}
