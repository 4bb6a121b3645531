package dev.capflow.gateway.problem;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON spelling of a downstream service's field path, as the client sent it: {@code edge.amount_usd} is
 * {@code amountUsd}, {@code shocks[3].value_change} is {@code shocks[3].valueChange}. The services name fields by their
 * gRPC message paths; the gateway's bodies are the resource itself, without the wrapping message.
 */
public final class JsonFieldNames {

    /** The wrapping request field of a resource: the JSON body is its content. */
    private static final Set<String> WRAPPERS =
            Set.of("edge", "entity", "instrument", "basket", "action", "bar", "tick");
    /** A create's idempotency key: the REST routes take it as the {@code Idempotency-Key} header. */
    static final String REQUEST_ID = "request_id";
    /** gRPC fields whose JSON name differs by more than its case. */
    private static final Map<String, String> RENAMED = Map.of(
            "options.debtrank_rule",
            "options.rule",
            "options.clearing_beta",
            "options.beta",
            REQUEST_ID,
            "Idempotency-Key");

    private static final Pattern SNAKE = Pattern.compile("_([a-z0-9])");

    private JsonFieldNames() {}

    public static String of(String grpcField) {
        if (grpcField == null || grpcField.isEmpty()) {
            return grpcField;
        }
        String field = RENAMED.getOrDefault(grpcField, grpcField);
        int dot = field.indexOf('.');
        if (dot > 0 && WRAPPERS.contains(field.substring(0, dot))) {
            field = field.substring(dot + 1);
        }
        Matcher snake = SNAKE.matcher(field);
        StringBuilder camel = new StringBuilder();
        while (snake.find()) {
            snake.appendReplacement(camel, snake.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        return snake.appendTail(camel).toString();
    }
}
