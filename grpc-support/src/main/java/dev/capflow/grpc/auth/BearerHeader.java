package dev.capflow.grpc.auth;

import io.grpc.Metadata;
import java.util.Locale;
import java.util.Optional;

/** The {@code authorization} metadata of a gRPC call, {@code Bearer <jwt>}. */
public final class BearerHeader {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SCHEME = "bearer ";

    private BearerHeader() {}

    /** The token of a {@code Bearer} header (the scheme in any case); empty when absent or of another scheme. */
    public static Optional<String> token(Metadata headers) {
        String value = headers.get(AUTHORIZATION);
        if (value == null
                || value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String token = value.substring(SCHEME.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Headers carrying {@code token}. */
    public static Metadata of(String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return headers;
    }
}
