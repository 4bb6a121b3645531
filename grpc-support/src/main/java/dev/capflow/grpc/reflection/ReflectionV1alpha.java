package dev.capflow.grpc.reflection;

import grpc.reflection.v1alpha.MutinyServerReflectionGrpc;
import grpc.reflection.v1alpha.Reflection.ServerReflectionRequest;
import grpc.reflection.v1alpha.Reflection.ServerReflectionResponse;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;

/** grpc.reflection.v1alpha (older clients, grpcio among them) answered from the commented descriptors. */
@GrpcService
@IfBuildProperty(name = CommentedReflection.ENABLED, stringValue = "true")
public class ReflectionV1alpha extends MutinyServerReflectionGrpc.ServerReflectionImplBase {

    @Inject
    CommentedReflection reflection;

    @Override
    public Multi<ServerReflectionResponse> serverReflectionInfo(Multi<ServerReflectionRequest> requests) {
        return reflection.answerers().v1alpha().serverReflectionInfo(requests);
    }
}
