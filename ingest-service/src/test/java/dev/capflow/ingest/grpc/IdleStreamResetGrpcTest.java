package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.grpc.transport.StrayResetExchange;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service's own gRPC port, on a raw connection, gets what Python grpcio 1.51 sometimes sends: a RST_STREAM for a
 * stream it never opened. grpc-support's IdleStreamResetFilter sits before the server's HTTP/2 codec, so the
 * connection is not closed and the next call on it is answered (GrpcioInteropTest meets the race with grpcio itself).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class IdleStreamResetGrpcTest {

    @Test
    void aResetOfAStreamNeverOpenedLeavesTheConnectionServingTheNextCall() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);

        StrayResetExchange.Answer answer = StrayResetExchange.with(port);

        assertThat(answer.closedTheConnection())
                .as("GOAWAY: " + answer.goAwayError())
                .isFalse();
        assertThat(answer.answeredTheNextCall()).isTrue();
        assertThat(answer.acknowledgedThePing()).isTrue();
    }
}
