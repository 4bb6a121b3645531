package dev.capflow.grpc.auth;

import java.util.Set;

/** The verified caller of a gRPC call: its subject, its roles with every role they imply, and its raw token. */
public record Caller(String subject, Set<String> roles, String token) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
