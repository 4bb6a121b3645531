package dev.capflow.grpc.reflection;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.grpc.reflection.service.ReflectionServiceV1;
import io.quarkus.grpc.reflection.service.ReflectionServiceV1alpha;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Server reflection whose file descriptors keep the proto comments, for the services of this server. Quarkus' own
 * reflection (quarkus.grpc.server.enable-reflection-service) answers from the generated classes, without comments: a
 * service turns that off and sets {@code capflow.grpc.commented-reflection=true} (a build property) instead.
 */
@Singleton
@IfBuildProperty(name = CommentedReflection.ENABLED, stringValue = "true")
public class CommentedReflection {

    static final String ENABLED = "capflow.grpc.commented-reflection";

    @Inject
    @Any
    Instance<BindableService> services;

    private volatile Answerers answerers;

    /** The two reflection versions clients use, built on first use (when every gRPC service bean exists). */
    record Answerers(ReflectionServiceV1 v1, ReflectionServiceV1alpha v1alpha) {}

    Answerers answerers() {
        Answerers built = answerers;
        if (built == null) {
            List<ServerServiceDefinition> served =
                    services.stream().map(BindableService::bindService).toList();
            List<ServerServiceDefinition> commented = CommentedDescriptors.load(
                            Thread.currentThread().getContextClassLoader())
                    .withComments(served);
            built = new Answerers(new ReflectionServiceV1(commented), new ReflectionServiceV1alpha(commented));
            answerers = built;
        }
        return built;
    }
}
