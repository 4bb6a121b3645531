package dev.capflow.gateway.problem;

import dev.capflow.gateway.request.Fields;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@value #SYMBOL} and {@value #ID} path parameters of every route that has them before the route runs: a
 * malformed symbol ({@code NV DA}, {@code ../../etc}, 33 letters) or a malformed basket, entity or edge id ({@code
 * %2e%2e}, upper case, 65 characters, NUL) is a 400 naming the parameter and never reaches a service, while a
 * well-formed but unknown one stays the service's 404.
 */
public class PathParameters {

    private static final String SYMBOL = "symbol";
    private static final String ID = "id";

    private final Map<Method, List<String>> checked = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<String> names = checked.computeIfAbsent(method, PathParameters::checkedParameters);
        if (!names.isEmpty()) {
            Fields fields = new Fields();
            var sent = request.getUriInfo().getPathParameters();
            for (String name : names) {
                if (name.equals(SYMBOL)) {
                    fields.symbol(SYMBOL, sent.getFirst(SYMBOL));
                } else {
                    fields.resourceId(ID, sent.getFirst(ID));
                }
            }
            fields.throwIfInvalid();
        }
    }

    private static List<String> checkedParameters(Method method) {
        return Arrays.stream(method.getParameters())
                .map(PathParameters::pathName)
                .filter(name -> SYMBOL.equals(name) || ID.equals(name))
                .toList();
    }

    private static String pathName(Parameter parameter) {
        PathParam path = parameter.getAnnotation(PathParam.class);
        RestPath restPath = parameter.getAnnotation(RestPath.class);
        return path != null
                ? path.value()
                : restPath == null ? null : restPath.value().isEmpty() ? parameter.getName() : restPath.value();
    }
}
