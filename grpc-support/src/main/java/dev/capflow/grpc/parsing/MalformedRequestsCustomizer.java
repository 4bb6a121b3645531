package dev.capflow.grpc.parsing;

import io.quarkus.grpc.api.ServerBuilderCustomizer;
import io.quarkus.grpc.runtime.config.GrpcServerConfiguration;
import io.vertx.grpc.VertxServerBuilder;
import jakarta.enterprise.context.ApplicationScoped;

/** Installs {@link MalformedRequests} on the service's gRPC server (the separate grpc-java server on Netty). */
@ApplicationScoped
public class MalformedRequestsCustomizer implements ServerBuilderCustomizer<VertxServerBuilder> {

    @Override
    public void customize(GrpcServerConfiguration config, VertxServerBuilder builder) {
        builder.setBinaryLog(new MalformedRequests());
    }
}
