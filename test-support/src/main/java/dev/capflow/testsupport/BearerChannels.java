package dev.capflow.testsupport;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * Bearer tokens on plain gRPC channels of tests (a {@code @GrpcClient} gets its token from the app's service identity,
 * see {@link TestTokensConfigSource}): {@code FooGrpc.newBlockingStub(BearerChannels.admin(channel))}.
 */
public final class BearerChannels {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private BearerChannels() {}

    /** {@code channel} with every call carrying {@code authorization: Bearer token}. */
    public static Channel withToken(Channel channel, String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** {@code channel} with a token of {@link TestTokens#shared()} for {@code role}. */
    public static Channel withRole(Channel channel, String role) {
        return withToken(channel, TestTokens.shared().token(role));
    }

    /** {@code channel} with an {@code admin} token of {@link TestTokens#shared()}. */
    public static Channel admin(Channel channel) {
        return withRole(channel, "admin");
    }
}
