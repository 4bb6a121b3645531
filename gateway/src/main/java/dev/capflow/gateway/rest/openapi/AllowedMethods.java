package dev.capflow.gateway.rest.openapi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The methods a REST path takes, for the {@code Allow} header of a 405 (RFC 9110), which RESTEasy Reactive leaves out.
 * They come from {@link OperationContract#OPERATION_IDS}, the route table the build checks against every route.
 */
public final class AllowedMethods {

    /** Each route's path template as a pattern ({@code {id}} is one path segment), with its methods. */
    private static final Map<Pattern, TreeSet<String>> ROUTES = OperationContract.OPERATION_IDS.keySet().stream()
            .collect(Collectors.groupingBy(
                    route -> template(route.substring(route.indexOf(' ') + 1)),
                    Collectors.mapping(
                            route -> route.substring(0, route.indexOf(' ')), Collectors.toCollection(TreeSet::new))));

    private AllowedMethods() {}

    /** The {@code Allow} value of {@code path} (GET implies HEAD; OPTIONS for CORS), or empty for a path of no route. */
    public static Optional<String> of(String path) {
        TreeSet<String> methods = new TreeSet<>();
        ROUTES.forEach((pattern, routeMethods) -> {
            if (pattern.matcher(path).matches()) {
                methods.addAll(routeMethods);
            }
        });
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return Optional.of(String.join(", ", methods));
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
