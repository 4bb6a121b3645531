package dev.capflow.gateway.problem;

import dev.capflow.gateway.request.Fields;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@value #SYMBOL} path parameter of every route that has one against the ticker symbol grammar before the
 * route runs: a malformed symbol ({@code NV DA}, {@code ../../etc}, 33 letters) is a 400 naming {@code symbol} and
 * never reaches a service, while a well-formed but unregistered one stays the service's 404.
 */
public class PathSymbols {

    private static final String SYMBOL = "symbol";

    private final Map<Method, Boolean> takesSymbol = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method != null && takesSymbol.computeIfAbsent(method, PathSymbols::hasSymbolParameter)) {
            Fields fields = new Fields();
            fields.symbol(SYMBOL, request.getUriInfo().getPathParameters().getFirst(SYMBOL));
            fields.throwIfInvalid();
        }
    }

    private static boolean hasSymbolParameter(Method method) {
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            RestPath restPath = parameter.getAnnotation(RestPath.class);
            String name = path != null
                    ? path.value()
                    : restPath == null ? null : restPath.value().isEmpty() ? parameter.getName() : restPath.value();
            if (SYMBOL.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
