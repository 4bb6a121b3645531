package dev.capflow.e2e.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cases and passes per category, and every failure with its case, for the report at the end of a run. */
final class CorpusTally {

    private final Map<String, int[]> perCategory = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    void record(CorpusCase corpusCase, List<String> caseFailures) {
        int[] counts = perCategory.computeIfAbsent(corpusCase.category(), category -> new int[2]);
        counts[0]++;
        if (caseFailures.isEmpty()) {
            counts[1]++;
        } else {
            failures.add(corpusCase.label() + " [" + corpusCase.request().method() + " " + shortened(corpusCase.request().target())
                    + "]: " + String.join("; ", caseFailures));
        }
    }

    int cases() {
        return perCategory.values().stream().mapToInt(counts -> counts[0]).sum();
    }

    List<String> failures() {
        return failures;
    }

    String table() {
        StringBuilder table = new StringBuilder(String.format("%-12s %6s %6s%n", "category", "cases", "passed"));
        perCategory.forEach((category, counts) -> table.append(String.format("%-12s %6d %6d%n", category, counts[0], counts[1])));
        int passed = perCategory.values().stream().mapToInt(counts -> counts[1]).sum();
        return table.append(String.format("%-12s %6d %6d%n", "total", cases(), passed)).toString();
    }

    private static String shortened(String target) {
        return target.length() <= 120 ? target : target.substring(0, 120) + "...(" + target.length() + " chars)";
    }
}
