package dev.capflow.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.gateway.request.FieldViolation;
import io.quarkus.arc.Arc;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Refuses a {@code .} or {@code ..} path segment under {@code /api/} with a 400 naming the path parameter it stands in
 * ({@code /api/v1/prices/../bars} names {@code symbol}), or {@code path} when no route has a parameter there. The HTTP
 * layer would otherwise resolve the segment away before any route sees it, and answer a plain 404 of another path.
 */
@ApplicationScoped
public class DotSegmentRoute {

    /** After the request-head limits, before the body limit and every route. */
    private static final int ORDER = -4;

    private static final String API = "/api/";

    private final ObjectMapper mapper;
    /** Every JAX-RS route's path template, split into segments; read from the resource classes on first use. */
    private volatile List<String[]> templates;

    public DotSegmentRoute(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        // Every path: a route of "/api/*" would be matched against the path with its dot segments already resolved.
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        // every request passes here: a path without '.' or '%' cannot hold a dot segment, so it is not split
        boolean mayHoldDots = path.indexOf('.') >= 0 || path.indexOf('%') >= 0;
        String[] segments = mayHoldDots && path.startsWith(API) ? path.split("/", -1) : null;
        int dots = segments == null ? -1 : dotSegment(segments);
        if (dots < 0) {
            context.next();
            return;
        }
        String parameter = parameterAt(segments, dots);
        Problem problem = Problem.of(
                        ProblemType.INVALID_REQUEST,
                        parameter + " must not be '.' or '..'",
                        context.request().path())
                .withViolations(List.of(new FieldViolation(
                        parameter, "must not be '.' or '..' (a path segment that would leave the route)")));
        ProblemResponses.send(context, mapper, problem);
    }

    private static int dotSegment(String[] segments) {
        for (int i = 0; i < segments.length; i++) {
            String decoded = segments[i].contains("%") ? decode(segments[i]) : segments[i];
            if (decoded.equals(".") || decoded.equals("..")) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** The name of the parameter at {@code position} of the first route template the other segments match. */
    private String parameterAt(String[] segments, int position) {
        return templates().stream()
                .filter(template -> template.length == segments.length)
                .map(template -> parameterAt(template, segments, position))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("path");
    }

    private static String parameterAt(String[] template, String[] segments, int position) {
        for (int i = 0; i < template.length; i++) {
            boolean variable = template[i].startsWith("{");
            if (i != position && !variable && !template[i].equals(segments[i])) {
                return null;
            }
        }
        String variable = template[position];
        return variable.startsWith("{")
                ? variable.substring(1, variable.length() - 1).split(":")[0].strip()
                : null;
    }

    private List<String[]> templates() {
        if (templates == null) {
            templates = readTemplates();
        }
        return templates;
    }

    private static List<String[]> readTemplates() {
        List<String[]> found = new ArrayList<>();
        var beans = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE);
        for (var bean : beans) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                String template = "/" + strip(root.value()) + (sub == null ? "" : "/" + strip(sub.value()));
                found.add(template.split("/", -1));
            }
        }
        return List.copyOf(found);
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
