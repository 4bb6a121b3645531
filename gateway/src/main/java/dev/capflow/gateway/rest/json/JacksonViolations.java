package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.capflow.gateway.request.FieldViolation;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns a Jackson error into a violation that names the field and the expected type, without Jackson's internals. */
public final class JacksonViolations {

    /** Jackson's message for a key given twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");

    /** Jackson's message for content after the document (DeserializationFeature.FAIL_ON_TRAILING_TOKENS). */
    private static final Pattern TRAILING = Pattern.compile("^Trailing token");

    /** The limit in Jackson's message for a too deeply nested document (StreamReadConstraints). */
    private static final Pattern DEPTH_LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    private JacksonViolations() {}

    /** The violation behind a failed read; {@code body} when no field is involved (malformed JSON). */
    public static FieldViolation of(JsonProcessingException error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return new FieldViolation(path(unknown.getPath()), unknownMember(unknown.getKnownPropertyIds()));
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Class<?> target = error instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new FieldViolation(path(mapping.getPath()), expected(target));
        }
        if (error instanceof StreamConstraintsException) {
            Matcher limit = DEPTH_LIMIT.matcher(String.valueOf(error.getOriginalMessage()));
            return new FieldViolation(
                    "body",
                    "nests arrays and objects too deeply"
                            + (limit.find() ? " (at most " + limit.group(1) + " levels)" : ""));
        }
        if (TRAILING.matcher(String.valueOf(error.getOriginalMessage())).find()) {
            return new FieldViolation(
                    "body",
                    "has trailing content after the JSON document" + offset(error.getLocation())
                            + ": send one JSON document per request");
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(error.getOriginalMessage()));
        if (duplicate.find()) {
            return new FieldViolation(duplicate.group(1), "appears more than once in the same object");
        }
        JsonLocation location = error.getLocation();
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new FieldViolation("body", "is not valid JSON" + where);
    }

    /** The reason for a member the object does not have, listing those it has (a typo shows next to its fix). */
    private static String unknownMember(Collection<Object> known) {
        String members = known == null
                ? ""
                : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return "is not a member of this object" + (members.isEmpty() ? "" : "; its members are " + members);
    }

    /** Where the trailing content starts, as a character or byte offset from the start of the body. */
    private static String offset(JsonLocation location) {
        if (location == null) {
            return "";
        }
        long offset = location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
        return offset >= 0 ? " at offset " + offset : "";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == Long.class || target == long.class) {
            return "must be a whole number from -9223372036854775808 to 9223372036854775807";
        }
        if (target == Integer.class || target == int.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be an object";
    }
}
