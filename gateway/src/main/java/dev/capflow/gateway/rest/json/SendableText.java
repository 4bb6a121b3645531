package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capflow.gateway.request.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds JSON strings that cannot be sent on as they are: an unpaired surrogate ({@code "\ud800"}) is not Unicode text,
 * and protobuf would encode it as '?', storing other text than the caller sent; NUL is text no service stores.
 */
final class SendableText {

    private SendableText() {}

    /** A violation per unsendable string in {@code node}, named by its path in JSON names ({@code members[2].symbol}). */
    static List<FieldViolation> violations(JsonNode node) {
        List<FieldViolation> violations = new ArrayList<>();
        collect(node, "", violations);
        return violations;
    }

    private static void collect(JsonNode node, String path, List<FieldViolation> violations) {
        if (node.isTextual()) {
            String problem = problem(node.textValue());
            if (problem != null) {
                violations.add(new FieldViolation(path.isEmpty() ? "body" : path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                String memberPath = path.isEmpty() ? name : path + "." + name;
                String problem = problem(name);
                if (problem != null) {
                    violations.add(new FieldViolation(memberPath, "the member name " + problem));
                } else {
                    collect(member.getValue(), memberPath, violations);
                }
            }
        }
    }

    /** Why {@code text} cannot be sent on, or null. */
    private static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL (U+0000), found at index " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text: an unpaired surrogate U+"
                        + Integer.toHexString(c).toUpperCase() + " at index " + i;
            }
        }
        return null;
    }
}
