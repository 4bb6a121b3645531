package dev.capflow.gateway.rest.openapi;

/**
 * The role a route needs, as the quarkus.http.auth.permission rules of application.properties decide it: reads and
 * the stress run need viewer; writes to baskets and the funding graph need analyst; price, instrument and corporate
 * action writes need ingest. SecurityTest and GatewaySecurityIT check the rules themselves.
 */
final class RouteRoles {

    private RouteRoles() {}

    static String roleFor(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read || (method.equals("POST") && path.equals("/api/v1/exposure/stress"))) {
            return "viewer";
        }
        if (path.startsWith("/api/v1/baskets") || path.startsWith("/api/v1/exposure/")) {
            return "analyst";
        }
        if (path.startsWith("/api/v1/prices/")
                || path.startsWith("/api/v1/instruments/")
                || path.startsWith("/api/v1/corporate-actions")) {
            return "ingest";
        }
        return "admin";
    }
}
