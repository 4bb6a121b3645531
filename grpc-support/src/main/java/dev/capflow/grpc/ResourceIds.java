package dev.capflow.grpc;

import java.util.regex.Pattern;

/**
 * The one spelling rule of a basket's or an entity's id, shared by the services that store them and the gateway (which
 * refuses a malformed id in a query parameter before any call): a lower-case slug of letters, digits and '-'.
 */
public final class ResourceIds {

    /** What a well-formed id looks like, for error messages. */
    public static final String RULE = "a lower-case slug of letters, digits and '-' (at most 64 characters)";

    private static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ResourceIds() {}

    public static boolean isWellFormed(String id) {
        return WELL_FORMED.matcher(id).matches();
    }
}
