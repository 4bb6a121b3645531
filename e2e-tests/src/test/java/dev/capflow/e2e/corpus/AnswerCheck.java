package dev.capflow.e2e.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every corpus answer gets, returning what is wrong (empty: the answer passes): no transport failure, no
 * 5xx, a refusal where the case requires one, a 2xx of at most one page where it requires acceptance, a refusal as {@code application/problem+json} naming what the case says,
 * strict JSON without a non-finite number, and the time limit.
 */
final class AnswerCheck {

    /** The most items one page holds: a larger pageSize is read as this (AIP-158, docs/decisions.md "Paging"). */
    static final int MAX_PAGE = 1000;

    private static final ObjectMapper STRICT = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("row (\\d+)");

    private AnswerCheck() {}

    static List<String> failures(CorpusCase corpusCase, CorpusClient.Answer answer) {
        List<String> failures = new ArrayList<>();
        if (answer.transportError() != null) {
            failures.add("no answer: " + answer.transportError());
            return failures;
        }
        if (answer.status() >= 500) {
            failures.add("status " + answer.status());
        }
        if (corpusCase.outcome() == CorpusCase.Outcome.REFUSED && answer.status() < 400) {
            failures.add("accepted with status " + answer.status());
        }
        if (corpusCase.outcome() == CorpusCase.Outcome.ACCEPTED && (answer.status() < 200 || answer.status() >= 300)) {
            failures.add("refused with status " + answer.status());
        }
        if (answer.took().compareTo(CorpusClient.LIMIT) > 0) {
            failures.add("took " + answer.took().toMillis() + " ms");
        }
        JsonNode body = null;
        if (answer.contentType().contains("json")) {
            try {
                body = STRICT.readTree(answer.body());
                nonFinite(body, "$", failures);
                if (corpusCase.outcome() == CorpusCase.Outcome.ACCEPTED && body.isArray() && body.size() > MAX_PAGE) {
                    failures.add("a page of " + body.size() + " items, more than " + MAX_PAGE);
                }
            } catch (JsonProcessingException e) {
                failures.add("body is not strict JSON: " + e.getOriginalMessage());
            }
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                failures.add("refusal as '" + answer.contentType() + "', not application/problem+json");
            } else if (corpusCase.named() != null && body != null && !names(body, corpusCase.named())) {
                failures.add("does not name " + corpusCase.named() + " (" + named(body) + ")");
            }
        }
        return failures;
    }

    /**
     * Whether the problem names {@code expected}: a {@code field} of a violation or rejection equal to it or with it
     * as a path segment ({@code members[2].weight} names {@code weight} and {@code members}); {@code row N} requires a
     * rejection of CSV row N.
     */
    static boolean names(JsonNode problem, String expected) {
        Matcher row = ROW.matcher(expected);
        List<JsonNode> entries = new ArrayList<>();
        problem.path("violations").forEach(entries::add);
        problem.path("rejected").forEach(entries::add);
        for (JsonNode entry : entries) {
            if (row.matches()
                    ? entry.path("row").asInt(-1) == Integer.parseInt(row.group(1))
                    : namesSegment(entry.path("field").asText(""), expected)) {
                return true;
            }
        }
        return false;
    }

    /** What the problem does name, for the failure message. */
    private static String named(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("violations")
                .forEach(entry -> fields.add(entry.path("field").asText()));
        problem.path("rejected")
                .forEach(entry -> fields.add(
                        entry.has("row")
                                ? "row " + entry.path("row").asInt() + " "
                                        + entry.path("field").asText()
                                : entry.path("field").asText()));
        return fields.isEmpty()
                ? problem.path("status").asText() + " " + problem.path("detail").asText("")
                : String.join(", ", fields);
    }

    private static boolean namesSegment(String field, String expected) {
        for (String segment : field.split("[.\\[\\]]")) {
            if (segment.equals(expected)) {
                return true;
            }
        }
        return field.equals(expected);
    }

    private static void nonFinite(JsonNode node, String at, List<String> failures) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            failures.add("non-finite number at " + at);
        } else if (node.isTextual() && node.textValue().matches("[+-]?(NaN|Infinity)")) {
            failures.add("non-finite number as text at " + at);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nonFinite(node.get(i), at + "[" + i + "]", failures);
            }
        } else if (node.isObject()) {
            node.fields()
                    .forEachRemaining(member -> nonFinite(member.getValue(), at + "." + member.getKey(), failures));
        }
    }
}
