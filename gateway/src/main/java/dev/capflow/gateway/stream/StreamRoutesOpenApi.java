package dev.capflow.gateway.stream;

import dev.capflow.gateway.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the SSE routes, which are Vert.x routes and so unseen by the annotation scanner. Called by
 * OperationContract before it completes every operation, so these get the same contract as the REST routes.
 */
public final class StreamRoutesOpenApi {

    private static final String EVENTS = """
            Server-Sent Events. Each event has an id (resume with the Last-Event-ID header, or the lastEventId query \
            parameter, to be replayed what was missed from a bounded buffer; an id no longer buffered gets a `reset` \
            event: read the current state again). `upstream` events (no id) say the gateway lost the service's stream \
            and reconnects, then that it is live again; `end` closes the stream for good. A `: heartbeat` comment \
            comes every 15 s. A client that falls too far behind is disconnected and resumes with Last-Event-ID: the \
            gateway itself never skips an event for one client.""";

    private static final String GAPS = """
             A `gap` event (with an id, in order with the ticks) says the service dropped ticks of the gateway's \
            stream because the gateway read too slowly: how many, and the time range they traded in, which the tick \
            history (GET /api/v1/prices/{symbol}/ticks) returns. A `reset` event with an id, in order with the ticks, \
            says ticks may have been lost before the service read them (its price stream lost entries), how many \
            unknown: read the ticks since the last one received from the tick history.""";

    private static final String TICKS = """
            retry: 2000

            id: k3x9f2-41
            event: tick
            data: {"symbol":"NVDA","price":207.04,"ts":"2025-10-29T19:59:58Z","size":100}

            id: k3x9f2-42
            event: gap
            data: {"dropped":3,"from":"2025-10-29T19:59:58.100Z","to":"2025-10-29T19:59:58.400Z"}

            : heartbeat

            """;

    private static final String LEVELS = """
            id: p0q7aa-3
            event: level
            data: {"basketId":"team-google","level":104.21,"ts":"2025-10-29T19:59:58Z","basketVersion":2}

            """;

    private StreamRoutesOpenApi() {}

    /** Adds the two stream routes and the schemas of their events. */
    public static void addTo(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSchema(
                        "TickEvent",
                        object(
                                "The data of a `tick` event: one stored tick.",
                                Map.of(
                                        "symbol", string("The ticker.", null),
                                        "price", number("The trade price in the instrument's currency."),
                                        "ts", string("When it traded.", "date-time"),
                                        "size", integer("Shares traded; 0 when unknown."))))
                .addSchema(
                        "GapEvent",
                        object(
                                "The data of a `gap` event: ticks of this stream the service "
                                        + "dropped because the gateway read too slowly.",
                                Map.of(
                                        "dropped", integer("How many consecutive ticks were dropped (at least 1)."),
                                        "from", string("When the earliest of them traded.", "date-time"),
                                        "to", string("When the latest of them traded.", "date-time"))))
                .addSchema(
                        "LevelEvent",
                        object(
                                "The data of a `level` event: the basket's live level.",
                                Map.of(
                                        "basketId",
                                        string("The basket id.", null),
                                        "level",
                                        number("The basket's price-return level (baseValue at its base date); a"
                                                + " total-return level is only in the REST answers, which see the"
                                                + " dividends."),
                                        "ts",
                                        string(
                                                "The time of the tick that moved it; for the level a client gets"
                                                        + " first, the latest close's (00:00 UTC of its date) when"
                                                        + " no member has ticked since.",
                                                "date-time"),
                                        "basketVersion",
                                        integer("The basket version the level was computed for."))))
                .addSchema(
                        "UpstreamEvent",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description(
                                        "The data of an `upstream` event: the gateway lost the service's stream and "
                                                + "reconnects (reconnecting, with why and when), or is live again.")
                                .addProperty(
                                        "state",
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.STRING))
                                                .enumeration(List.of("reconnecting", "live")))
                                .addProperty("reason", string("Why the stream was lost (reconnecting only).", null))
                                .addProperty("retryInMs", integer("When the gateway retries, in milliseconds."))
                                .required(List.of("state")))
                .addSchema(
                        "ResetEvent",
                        object(
                                "The data of a `reset` event: the events since Last-Event-ID are no "
                                        + "longer buffered; read the current state again.",
                                Map.of("reason", string("Why.", null))))
                .addSchema(
                        "EndEvent",
                        object(
                                "The data of an `end` event: the stream is closed for good.",
                                Map.of("reason", string("The service's gRPC status code, e.g. NOT_FOUND.", null))));
        openAPI.getPaths()
                .addPathItem(
                        StreamRoutes.PRICES,
                        OASFactory.createPathItem()
                                .GET(operation(
                                        "Live ticks",
                                        List.of("TickEvent", "GapEvent"),
                                        "Every tick stored for the symbols from now on. " + EVENTS + GAPS,
                                        TICKS,
                                        parameter(
                                                "symbols",
                                                Parameter.In.QUERY,
                                                "Comma-separated tickers, each known to the registry.",
                                                "NVDA,GOOGL"),
                                        "A missing, malformed or unknown symbol; violations name it.",
                                        "400")))
                .addPathItem(
                        StreamRoutes.BASKETS + "{id}",
                        OASFactory.createPathItem()
                                .GET(operation(
                                        "Live level of one basket",
                                        List.of("LevelEvent"),
                                        "The basket's intraday price-return level as its members tick, at most a "
                                                + "few per second; a new client first gets the latest level. The stream "
                                                + "takes no returnType: total return needs the day's dividends. "
                                                + EVENTS,
                                        LEVELS,
                                        parameter("id", Parameter.In.PATH, "Basket id.", "team-google"),
                                        "No such basket.",
                                        "404")));
    }

    /** {@code dataSchemas}: the schemas of the route's own events, each named after its event ({@code GapEvent}: gap). */
    private static Operation operation(
            String summary,
            List<String> dataSchemas,
            String description,
            String example,
            Parameter parameter,
            String refusal,
            String refusalCode) {
        List<String> schemas = new ArrayList<>(dataSchemas);
        schemas.addAll(List.of("UpstreamEvent", "ResetEvent", "EndEvent"));
        Map<String, Object> events = new LinkedHashMap<>();
        schemas.forEach(schema -> events.put(eventName(schema), ref(schema)));
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse(
                        "200",
                        OASFactory.createAPIResponse()
                                .description("The event stream.")
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                "text/event-stream",
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .type(List.of(Schema.SchemaType.STRING))
                                                                .description(
                                                                        "Events named "
                                                                                + String.join(", ", events.keySet())
                                                                                + "; each data line is one JSON object, described by the schema "
                                                                                + "x-events names for its event (contentSchema lists them all).")
                                                                .contentMediaType("text/event-stream")
                                                                .contentSchema(OASFactory.createSchema()
                                                                        .anyOf(schemas.stream()
                                                                                .map(schema -> OASFactory.createSchema()
                                                                                        .ref(schema))
                                                                                .toList()))
                                                                .addExtension("x-events", events))
                                                        .addExample(
                                                                "events",
                                                                OASFactory.createExample()
                                                                        .value(example)))))
                .addAPIResponse(refusalCode, problem(refusal))
                .addAPIResponse("502", problem("The service failed the check (an unexpected gRPC status)."))
                .addAPIResponse("503", problem("The service is unavailable, or its circuit breaker is open."))
                .addAPIResponse("504", problem("The service did not answer the check within the deadline."));
        return OASFactory.createOperation()
                .summary(summary)
                .description(description)
                .addTag("Live streams")
                .addParameter(parameter)
                .responses(responses);
    }

    private static String eventName(String schema) {
        return schema.replace("Event", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    private static Schema object(String description, Map<String, Schema> properties) {
        Schema schema = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description(description);
        properties.forEach(schema::addProperty);
        return schema.required(properties.keySet().stream().sorted().toList());
    }

    private static Schema string(String description, String format) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description(description)
                .format(format);
    }

    private static Schema number(String description) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.NUMBER))
                .format("double")
                .description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER))
                .format("int64")
                .description(description);
    }

    private static Parameter parameter(String name, Parameter.In in, String description, String example) {
        return OASFactory.createParameter()
                .name(name)
                .in(in)
                .required(true)
                .description(description)
                .example(example)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
