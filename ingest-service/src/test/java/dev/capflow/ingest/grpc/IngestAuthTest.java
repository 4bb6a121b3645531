package dev.capflow.ingest.grpc;

import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.GrpcAuthMatrix;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * ingest-service checks bearer tokens itself (on the grpc-java server it ships on): the role matrix of every RPC
 * (viewer reads, ingest writes prices, instruments and corporate actions, admin all), health open, reflection with a
 * token only.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class IngestAuthTest {

    @GrpcClient("ingest")
    Channel channel;

    @Inject
    MethodRoles roles;

    @Test
    void everyRpcRefusesBadTokensAndWrongRolesAndAdmitsItsRoles() throws Exception {
        new GrpcAuthMatrix(channel).assertFor(IngestServiceGrpc.getServiceDescriptor(), roles);
    }

    @Test
    void healthIsOpen() throws Exception {
        new GrpcAuthMatrix(channel).assertHealthOpen();
    }

    @Test
    void reflectionNeedsAToken() throws Exception {
        new GrpcAuthMatrix(channel).assertReflectionNeedsAToken(IngestServiceGrpc.SERVICE_NAME);
    }
}
