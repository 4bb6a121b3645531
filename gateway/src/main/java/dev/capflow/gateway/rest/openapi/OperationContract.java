package dev.capflow.gateway.rest.openapi;

import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.stream.StreamRoutesOpenApi;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What a generated client needs of every operation: a stable operationId, the bearer token it must send and the role
 * that token needs, and the refusals every guarded route can answer (401, 403, 429; 400, 413 and 415 for a body).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OperationContract implements OASFilter {

    /** The name of the JWT bearer scheme (quarkus.smallrye-openapi.security-scheme-name). */
    public static final String BEARER = "bearerAuth";

    /** operationId of every "METHOD path"; a route missing here fails the build's contract check. */
    static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("GET /api/v1/instruments", "listInstruments"),
            Map.entry("PUT /api/v1/instruments/{symbol}", "putInstrument"),
            Map.entry("POST /api/v1/prices/bars", "ingestBars"),
            Map.entry("POST /api/v1/prices/csv", "importCsv"),
            Map.entry("POST /api/v1/prices/bulk-csv", "importBulkCsv"),
            Map.entry("POST /api/v1/prices/ticks", "ingestTicks"),
            Map.entry("GET /api/v1/prices/latest", "getLatestPrices"),
            Map.entry("GET /api/v1/prices/{symbol}/bars", "getBars"),
            Map.entry("GET /api/v1/prices/{symbol}/bars/revisions", "getBarRevisions"),
            Map.entry("GET /api/v1/prices/{symbol}/ticks", "getTicks"),
            Map.entry("GET /api/v1/prices/{symbol}/minute-bars", "getMinuteBars"),
            Map.entry("GET /api/v1/prices/{symbol}/corporate-actions", "listCorporateActions"),
            Map.entry("POST /api/v1/corporate-actions", "addCorporateAction"),
            Map.entry("DELETE /api/v1/corporate-actions/{symbol}/{exDate}/{kind}", "deleteCorporateAction"),
            Map.entry("GET /api/v1/baskets", "listBaskets"),
            Map.entry("POST /api/v1/baskets", "createBasket"),
            Map.entry("GET /api/v1/baskets/{id}", "getBasket"),
            Map.entry("PUT /api/v1/baskets/{id}", "replaceBasket"),
            Map.entry("DELETE /api/v1/baskets/{id}", "deleteBasket"),
            Map.entry("GET /api/v1/baskets/{id}/performance", "getBasketPerformance"),
            Map.entry("GET /api/v1/compare", "compareBaskets"),
            Map.entry("GET /api/v1/exposure/entities", "listEntities"),
            Map.entry("GET /api/v1/exposure/entities/{id}", "getEntity"),
            Map.entry("PUT /api/v1/exposure/entities/{id}", "putEntity"),
            Map.entry("DELETE /api/v1/exposure/entities/{id}", "deleteEntity"),
            Map.entry("GET /api/v1/exposure/entities/{id}/history", "getEntityHistory"),
            Map.entry("GET /api/v1/exposure/edges", "listEdges"),
            Map.entry("POST /api/v1/exposure/edges", "createEdge"),
            Map.entry("GET /api/v1/exposure/edges/{id}", "getEdge"),
            Map.entry("PUT /api/v1/exposure/edges/{id}", "replaceEdge"),
            Map.entry("DELETE /api/v1/exposure/edges/{id}", "deleteEdge"),
            Map.entry("GET /api/v1/exposure/edges/{id}/history", "getEdgeHistory"),
            Map.entry("GET /api/v1/exposure/loops", "getLoops"),
            Map.entry("GET /api/v1/exposure/lookthrough", "getLookThrough"),
            Map.entry("POST /api/v1/exposure/stress", "runStress"),
            Map.entry("GET /api/v1/stream/prices", "streamPrices"),
            Map.entry("GET /api/v1/stream/baskets/{id}", "streamBasket"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // filters run in no set order: the SSE routes are added here, before the loop that completes every operation
        StreamRoutesOpenApi.addTo(openAPI);
        // no license file in the repository: all rights reserved (an SPDX LicenseRef, not an open licence)
        // (info and its configured members are merged in after the build-time filters)
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        if (openAPI.getInfo().getLicense() == null) {
            openAPI.getInfo().setLicense(OASFactory.createLicense());
        }
        openAPI.getInfo().getLicense().setIdentifier("LicenseRef-capflow-proprietary");
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    String route = method + " " + path;
                    String operationId = OPERATION_IDS.get(route);
                    if (operationId == null) {
                        throw new IllegalStateException(
                                "no operationId for " + route + ": add it to OperationContract");
                    }
                    operation.setOperationId(operationId);
                    String role = RouteRoles.roleFor(method.name(), path);
                    operation.addSecurityRequirement(
                            OASFactory.createSecurityRequirement().addScheme(BEARER));
                    operation.setDescription(
                            operation.getDescription() + "\n\nRequires a bearer token with role `" + role
                                    + "` (or a role that implies it: admin implies every role, analyst and ingest imply viewer).");
                    addRefusals(operation, role);
                }));
    }

    private static void addRefusals(Operation operation, String role) {
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "The body is not the JSON (or CSV) described; violations name the field.");
            addIfAbsent(responses, "413", "The body is larger than the gateway accepts (10 MB by default).");
            addIfAbsent(responses, "415", "The Content-Type is not one the route accepts (see the request body).");
        } else if (hasParameters(operation, Parameter.In.QUERY)) {
            addIfAbsent(responses, "400", "A query parameter is malformed; violations name it.");
        } else if (hasParameters(operation, Parameter.In.PATH)) {
            addIfAbsent(responses, "400", "A path parameter (symbol or id) is malformed; violations name it.");
        }
        addIfAbsent(
                responses,
                "401",
                "No bearer token, or one that is invalid or expired " + "(a WWW-Authenticate header says why).");
        addIfAbsent(responses, "403", "The token lacks the role `" + role + "`.");
        addIfAbsent(responses, "429", "The caller's rate limit is spent; Retry-After says when to come back.");
    }

    private static boolean hasParameters(Operation operation, Parameter.In in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> parameter.getIn() == in);
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, problem(description));
        }
    }

    static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
