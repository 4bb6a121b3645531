package dev.capflow.gateway.rest.openapi;

import dev.capflow.gateway.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** Documents on every operation the answers any call through a downstream service can get. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DownstreamFailureResponses implements OASFilter {

    private static final Map<String, String> FAILURES = Map.of(
            "502", "The downstream service failed (an unexpected gRPC status).",
            "503", "The downstream service is unavailable, or its circuit breaker is open.",
            "504", "The downstream service did not answer within the call's deadline.");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        FAILURES.forEach((code, description) -> {
            if (responses != null && !responses.hasAPIResponse(code)) {
                responses.addAPIResponse(
                        code,
                        OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                Problem.MEDIA_TYPE,
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .ref("Problem")))));
            }
        });
        return operation;
    }
}
