package dev.capflow.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request of the corpus, sent as written: the raw path and query (already percent-encoded where the case
 * wants it), extra headers, and a body. {@code role} is the role of the gateway token sent with it; {@code authorization}
 * replaces that token header (an empty string sends none).
 */
public record CorpusRequest(
        String method, String target, Map<String, String> headers, byte[] body, String role, String authorization) {

    private static final String JSON = "application/json";

    public static CorpusRequest get(String target) {
        return new CorpusRequest("GET", target, Map.of(), new byte[0], "admin", null);
    }

    public static CorpusRequest delete(String target) {
        return new CorpusRequest("DELETE", target, Map.of(), new byte[0], "admin", null);
    }

    public static CorpusRequest post(String target, String json) {
        return body("POST", target, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public static CorpusRequest put(String target, String json) {
        return body("PUT", target, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of any content type ({@code null}: no Content-Type header). */
    public static CorpusRequest body(String method, String target, String contentType, byte[] body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        return new CorpusRequest(method, target, headers, body, "admin", null);
    }

    public CorpusRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CorpusRequest(method, target, more, body, role, authorization);
    }

    public CorpusRequest withRole(String otherRole) {
        return new CorpusRequest(method, target, headers, body, otherRole, authorization);
    }

    /** This request with {@code value} as its Authorization header ("" for none). */
    public CorpusRequest withAuthorization(String value) {
        return new CorpusRequest(method, target, headers, body, role, value);
    }

    /** This request with the ids {@link Valid#NEW_IDS} suffixed by {@code n} (bodies over 1 MB are left as they are). */
    public CorpusRequest withFreshIds(int n) {
        byte[] fresh = body.length > 1_000_000
                ? body
                : Valid.freshIds(new String(body, StandardCharsets.UTF_8), n).getBytes(StandardCharsets.UTF_8);
        return new CorpusRequest(
                method, Valid.freshIds(target, n), headers, body.length == 0 ? body : fresh, role, authorization);
    }

    /** Whether the body asks for the version its target holds when the case is sent ({@link Valid#CURRENT_VERSION}). */
    public boolean wantsCurrentVersion() {
        return new String(body, StandardCharsets.UTF_8).contains(Valid.CURRENT_VERSION);
    }

    /** This request with {@link Valid#CURRENT_VERSION} in its body replaced by {@code version}. */
    public CorpusRequest withVersion(long version) {
        byte[] versioned = new String(body, StandardCharsets.UTF_8)
                .replace(Valid.CURRENT_VERSION, Long.toString(version))
                .getBytes(StandardCharsets.UTF_8);
        return new CorpusRequest(method, target, headers, versioned, role, authorization);
    }

    /** Whether the request may change what is stored (everything but GET). */
    public boolean writes() {
        return !method.equals("GET");
    }
}
