package dev.capflow.grpc;

/**
 * The one spelling rule of a basket's or an entity's id, shared by the services that store them and the gateway (which
 * refuses a malformed id in a query parameter before any call): a lower-case slug of letters, digits and '-'.
 */
public final class ResourceIds {

    /** What a well-formed id looks like, for error messages. */
    public static final String RULE = "a lower-case slug of letters, digits and '-' (at most 64 characters)";

    private static final int MAX_LENGTH = 64;

    private ResourceIds() {}

    /** {@code [a-z0-9][a-z0-9-]{0,63}}, checked by a loop: the gateway checks every basket answer's id. */
    public static boolean isWellFormed(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH || id.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
