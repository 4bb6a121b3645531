package dev.capflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.grpc.auth.TokenRelay;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The role matrix of one gRPC service, as the gateway's is tested over REST: every method of the contract, called
 * with no token, malformed, forged, expired, foreign-issuer and foreign-audience tokens (UNAUTHENTICATED), with each
 * role that does not grant it (PERMISSION_DENIED naming the role needed) and with each role that does (passes the
 * check: whatever the service then answers, it is neither refusal). Health answers without a token; reflection needs
 * one of any role. Each call is a real call on {@code channel}, opted out of {@link TokenRelay} so that only the
 * token given here is sent. Requests are empty messages: a granted write is refused as invalid and stores nothing.
 */
public final class GrpcAuthMatrix {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final List<String> ROLES = List.of("viewer", "analyst", "ingest", "admin");
    /** Which roles each role grants (see dev.capflow.grpc.auth.Roles; written out so the test checks it). */
    private static final Map<String, Set<String>> GRANTS = Map.of(
            "viewer", Set.of("viewer"),
            "analyst", Set.of("analyst", "viewer"),
            "ingest", Set.of("ingest", "viewer"),
            "admin", Set.of("viewer", "analyst", "ingest", "admin"));
    /**
     * Long enough for a refusal on a busy machine; a granted open-ended stream that sends nothing ends with
     * DEADLINE_EXCEEDED, which is no refusal either.
     */
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Channel channel;
    private final TestTokens tokens = TestTokens.shared();

    public GrpcAuthMatrix(Channel channel) {
        this.channel = channel;
    }

    /** Asserts the whole matrix for {@code service}, whose table is {@code roles}, and that the table is complete. */
    public void assertFor(ServiceDescriptor service, MethodRoles roles) throws Exception {
        assertThat(roles.unassigned())
                .as("methods of %s without a role", service.getName())
                .isEmpty();
        assertHealthOpen(); // the connection is up before the first refusal is timed
        TestTokens stranger = TestTokens.generate();
        for (MethodDescriptor<?, ?> method : service.getMethods()) {
            String needed = roles.roleFor(method.getFullMethodName()).orElseThrow();
            assertRefused(method, null, Status.Code.UNAUTHENTICATED, "no token");
            assertRefused(method, "Bearer not-a-jwt", Status.Code.UNAUTHENTICATED, "a malformed token");
            // past the transport's default 8 KiB of metadata, which it refused without a gRPC status (UNKNOWN)
            assertRefused(
                    method, "Bearer " + "x".repeat(10_000), Status.Code.UNAUTHENTICATED, "a 10 KB malformed token");
            assertRefused(method, "Basic " + tokens.token("admin"), Status.Code.UNAUTHENTICATED, "another scheme");
            assertRefused(method, bearer(stranger.token("admin")), Status.Code.UNAUTHENTICATED, "a forged token");
            assertRefused(
                    method,
                    bearer(tokens.token("test-admin", Duration.ofMinutes(-1), "admin")),
                    Status.Code.UNAUTHENTICATED,
                    "an expired token");
            assertRefused(
                    method,
                    bearer(tokens.tokenFromIssuer("someone-else", "test-admin", "admin")),
                    Status.Code.UNAUTHENTICATED,
                    "a foreign issuer");
            assertRefused(
                    method,
                    bearer(tokens.tokenForAudience("another-api", "test-admin", "admin")),
                    Status.Code.UNAUTHENTICATED,
                    "a foreign audience");
            for (String role : ROLES) {
                if (GRANTS.get(role).contains(needed)) {
                    assertThat(outcome(method, bearer(tokens.token(role))).getCode())
                            .as("%s with role %s (it needs %s)", method.getFullMethodName(), role, needed)
                            .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
                } else {
                    Status status = assertRefused(
                            method, bearer(tokens.token(role)), Status.Code.PERMISSION_DENIED, "role " + role);
                    assertThat(status.getDescription()).contains("needs the role " + needed);
                }
            }
            assertThat(outcome(method, bearer(tokens.serviceToken("some-service", needed, Duration.ofMinutes(5))))
                            .getCode())
                    .as("%s with a service identity token of role %s", method.getFullMethodName(), needed)
                    .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
        }
    }

    /** grpc.health.v1 answers SERVING (the bytes of {@code HealthCheckResponse{status: SERVING}}) without a token. */
    public void assertHealthOpen() throws Exception {
        MethodDescriptor<byte[], byte[]> check = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("grpc.health.v1.Health/Check")
                .setRequestMarshaller(RawBytes.INSTANCE)
                .setResponseMarshaller(RawBytes.INSTANCE)
                .build();
        Answer<byte[]> answer = call(check, new byte[0], null);
        assertThat(answer.status().getCode()).isEqualTo(Status.Code.OK);
        assertThat(answer.message()).containsExactly(0x08, 0x01);
    }

    /** Reflection lists {@code serviceName} for a viewer token and is UNAUTHENTICATED without one. */
    public void assertReflectionNeedsAToken(String serviceName) throws Exception {
        MethodDescriptor<ServerReflectionRequest, ?> reflect = ServerReflectionGrpc.getServerReflectionInfoMethod();
        ServerReflectionRequest listServices =
                ServerReflectionRequest.newBuilder().setListServices("").build();
        assertThat(call(reflect, listServices, null).status().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        Answer<?> answer = call(reflect, listServices, bearer(tokens.token("viewer")));
        assertThat(answer.message()).as("reflection with a viewer token").isNotNull();
        assertThat(answer.message().toString()).contains(serviceName);
    }

    private Status assertRefused(MethodDescriptor<?, ?> method, String authorization, Status.Code expected, String what)
            throws Exception {
        Status status = outcome(method, authorization);
        assertThat(status.getCode())
                .as("%s with %s", method.getFullMethodName(), what)
                .isEqualTo(expected);
        return status;
    }

    private <Q> Status outcome(MethodDescriptor<Q, ?> method, String authorization) throws Exception {
        @SuppressWarnings("unchecked")
        Q empty = ((MethodDescriptor.PrototypeMarshaller<Q>) method.getRequestMarshaller()).getMessagePrototype();
        return call(method, empty, authorization).status();
    }

    /** One call sending {@code request} and half-closing: its first answer (status OK) or its final status. */
    private <Q, A> Answer<A> call(MethodDescriptor<Q, A> method, Q request, String authorization) throws Exception {
        CompletableFuture<Answer<A>> done = new CompletableFuture<>();
        ClientCall<Q, A> call = channel.newCall(
                method,
                CallOptions.DEFAULT
                        .withOption(TokenRelay.WITHOUT_TOKEN, true)
                        .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(AUTHORIZATION, authorization);
        }
        call.start(
                new ClientCall.Listener<>() {
                    @Override
                    public void onMessage(A message) {
                        done.complete(new Answer<>(Status.OK, message));
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        done.complete(new Answer<>(status, null));
                    }
                },
                headers);
        call.request(1);
        call.sendMessage(request);
        call.halfClose();
        try {
            return done.get(DEADLINE.toMillis() * 3, TimeUnit.MILLISECONDS);
        } finally {
            call.cancel("the matrix has its answer", null);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private record Answer<A>(Status status, A message) {}
}
