package dev.capflow.grpc.reflection;

import io.grpc.reflection.v1.MutinyServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;

/** grpc.reflection.v1 answered from the commented descriptors (see {@link CommentedReflection}). */
@GrpcService
@IfBuildProperty(name = CommentedReflection.ENABLED, stringValue = "true")
public class ReflectionV1 extends MutinyServerReflectionGrpc.ServerReflectionImplBase {

    @Inject
    CommentedReflection reflection;

    @Override
    public Multi<ServerReflectionResponse> serverReflectionInfo(Multi<ServerReflectionRequest> requests) {
        return reflection.answerers().v1().serverReflectionInfo(requests);
    }
}
