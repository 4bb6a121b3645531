package dev.capflow.exposure.grpc;

import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getCreateEdgeMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getCreateEntityMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getDeleteEdgeMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getDeleteEntityMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getGetEdgeMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getGetEntityMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getListEdgeHistoryMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getListEdgesMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getListEntitiesMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getListEntityHistoryMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getListLoopsMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getLookThroughMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getStressMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getUpdateEdgeMethod;
import static dev.capflow.proto.exposure.v1.ExposureServiceGrpc.getUpdateEntityMethod;

import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.grpc.auth.Roles;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Who may call which RPC of {@link ExposureGrpcService}: viewer reads and runs stress scenarios (they store nothing,
 * as at the gateway); analyst writes the funding graph.
 */
public final class ExposureGrpcRoles {

    private ExposureGrpcRoles() {}

    @Produces
    @Singleton
    static MethodRoles exposureRoles() {
        return MethodRoles.forService(ExposureServiceGrpc.getServiceDescriptor())
                .require(
                        Roles.VIEWER,
                        getGetEntityMethod(),
                        getListEntitiesMethod(),
                        getGetEdgeMethod(),
                        getListEdgesMethod(),
                        getListLoopsMethod(),
                        getLookThroughMethod(),
                        getStressMethod(),
                        getListEntityHistoryMethod(),
                        getListEdgeHistoryMethod())
                .require(
                        Roles.ANALYST,
                        getCreateEntityMethod(),
                        getUpdateEntityMethod(),
                        getDeleteEntityMethod(),
                        getCreateEdgeMethod(),
                        getUpdateEdgeMethod(),
                        getDeleteEdgeMethod())
                .build();
    }
}
