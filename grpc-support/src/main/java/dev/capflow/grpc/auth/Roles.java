package dev.capflow.grpc.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of capflow tokens, the same at the gateway and at every gRPC service, and what each implies:
 * {@code admin} implies every other role, {@code analyst} (baskets and the funding graph) and {@code ingest} (prices,
 * instruments, corporate actions) each imply {@code viewer}.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String INGEST = "ingest";
    public static final String ADMIN = "admin";

    private static final Map<String, List<String>> IMPLIED = Map.of(
            ADMIN, List.of(ANALYST, INGEST, VIEWER),
            ANALYST, List.of(VIEWER),
            INGEST, List.of(VIEWER));

    private Roles() {}

    /** The granted roles and every role they imply. Unknown roles are kept as they are (they imply nothing). */
    public static Set<String> effective(Set<String> granted) {
        Set<String> roles = new LinkedHashSet<>(granted);
        granted.forEach(role -> roles.addAll(IMPLIED.getOrDefault(role, List.of())));
        return roles;
    }
}
