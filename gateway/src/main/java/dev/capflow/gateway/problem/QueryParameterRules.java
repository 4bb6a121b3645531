package dev.capflow.gateway.problem;

import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.InvalidFieldsException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters a route does not know (400 naming each), so that a misspelt {@code form=} is not silently
 * ignored and answered as if it were absent. The names a resource method reads are collected once per method.
 */
public class KnownQueryParameters {

    private final Map<Method, Set<String>> namesByMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = namesByMethod.computeIfAbsent(method, KnownQueryParameters::queryNames);
        Set<String> unknown =
                new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            List<FieldViolation> violations = unknown.stream()
                    .map(name -> new FieldViolation(
                            name,
                            "is not a query parameter of this route"
                                    + (known.isEmpty()
                                            ? " (it takes none)"
                                            : " (it takes " + String.join(", ", new TreeSet<>(known)) + ")")))
                    .toList();
            throw new InvalidFieldsException(violations);
        }
    }

    private static Set<String> queryNames(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            RestQuery restQuery = parameter.getAnnotation(RestQuery.class);
            if (query != null) {
                names.add(query.value());
            } else if (restQuery != null) {
                // An unnamed @RestQuery is named after the Java parameter (the build keeps parameter names).
                names.add(restQuery.value().isEmpty() ? parameter.getName() : restQuery.value());
            }
        }
        return Set.copyOf(names);
    }
}
