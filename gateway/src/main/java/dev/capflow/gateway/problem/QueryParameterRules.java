package dev.capflow.gateway.problem;

import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.InvalidFieldsException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The rules every route's query parameters follow, checked once for all routes before any of them runs (400 naming
 * each offending parameter): a parameter the route does not take is refused (a misspelt {@code form=} is not silently
 * answered as if absent); a single-valued parameter given twice is refused (which one counts would be the framework's
 * choice); and a single-valued parameter given empty ({@code ?version=}) is refused rather than read as absent, except
 * {@value #PAGE_TOKEN}, whose empty value is the first page. The parameters a resource method reads are collected once
 * per method.
 */
public class QueryParameterRules {

    /** An empty page token asks for the first page, as the empty next-page token of the last page reads. */
    private static final String PAGE_TOKEN = "pageToken";

    /** A route's query parameters: whether each takes one value ({@code true}) or a list. */
    private record Declared(Map<String, Boolean> singleValued) {}

    private final Map<Method, Declared> declaredByMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared declared = declaredByMethod.computeIfAbsent(method, QueryParameterRules::declared);
        Map<String, List<String>> sent = new TreeMap<>(request.getUriInfo().getQueryParameters());
        List<FieldViolation> violations = new ArrayList<>();
        sent.forEach((name, values) -> {
            Boolean single = declared.singleValued().get(name);
            if (single == null) {
                violations.add(new FieldViolation(name, "is not a query parameter of this route" + takes(declared)));
            } else if (single && values.size() > 1) {
                violations.add(new FieldViolation(name, "is given " + values.size() + " times; give it once"));
            } else if (single && values.get(0).isBlank() && !name.equals(PAGE_TOKEN)) {
                violations.add(new FieldViolation(name, "is empty: give a value, or leave it out for the default"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
    }

    private static String takes(Declared declared) {
        Set<String> names = new TreeSet<>(declared.singleValued().keySet());
        return names.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", names) + ")";
    }

    private static Declared declared(Method method) {
        Map<String, Boolean> singleValued = new TreeMap<>();
        for (Parameter parameter : method.getParameters()) {
            String name = queryName(parameter);
            if (name != null) {
                singleValued.put(name, !Collection.class.isAssignableFrom(parameter.getType()));
            }
        }
        return new Declared(Map.copyOf(singleValued));
    }

    private static String queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        RestQuery restQuery = parameter.getAnnotation(RestQuery.class);
        if (query != null) {
            return query.value();
        }
        if (restQuery != null) {
            // An unnamed @RestQuery is named after the Java parameter (the build keeps parameter names).
            return restQuery.value().isEmpty() ? parameter.getName() : restQuery.value();
        }
        return null;
    }
}
