package dev.capflow.e2e.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object written member by member as raw JSON text, so a case can put anything in a member: a JSON escape such
 * as {@code "\ud800"} that a JSON library would not write, a number as a string, a wrong type.
 */
public record JsonBody(Map<String, String> members) {

    /** An object of alternating member names and raw JSON values. */
    public static JsonBody of(String... namesAndValues) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new JsonBody(members);
    }

    /** A JSON string literal of {@code text} as written: JSON escapes in it stay escapes. */
    public static String str(String text) {
        return "\"" + text + "\"";
    }

    /** This object with {@code name} set to the raw JSON {@code value}. */
    public JsonBody with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(members);
        changed.put(name, value);
        return new JsonBody(changed);
    }

    public JsonBody without(String name) {
        Map<String, String> changed = new LinkedHashMap<>(members);
        changed.remove(name);
        return new JsonBody(changed);
    }

    public String json() {
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "")
                .append('"')
                .append(name)
                .append("\": ")
                .append(value));
        return json.append('}').toString();
    }

    /** This object as the only element of an array. */
    public String inArray() {
        return "[" + json() + "]";
    }
}
