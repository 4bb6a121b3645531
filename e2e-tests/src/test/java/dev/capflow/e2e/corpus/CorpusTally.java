package dev.capflow.e2e.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cases, passes and known defects per category, and every other failure with its case, for the report of a run. */
final class CorpusTally {

    private final Map<String, int[]> perCategory = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    void record(CorpusCase corpusCase, List<String> caseFailures) {
        int[] counts = perCategory.computeIfAbsent(corpusCase.category(), category -> new int[3]);
        counts[0]++;
        if (caseFailures.isEmpty()) {
            counts[1]++;
        } else if (KnownDefects.contains(corpusCase)) {
            counts[2]++;
        } else {
            failures.add(corpusCase.label() + " [" + corpusCase.request().method() + " "
                    + shortened(corpusCase.request().target()) + "]: " + String.join("; ", caseFailures));
        }
    }

    int cases() {
        return perCategory.values().stream().mapToInt(counts -> counts[0]).sum();
    }

    List<String> failures() {
        return failures;
    }

    String table() {
        StringBuilder table =
                new StringBuilder(String.format("%-12s %6s %6s %6s%n", "category", "cases", "passed", "known"));
        perCategory.forEach((category, counts) ->
                table.append(String.format("%-12s %6d %6d %6d%n", category, counts[0], counts[1], counts[2])));
        int passed = perCategory.values().stream().mapToInt(counts -> counts[1]).sum();
        int known = perCategory.values().stream().mapToInt(counts -> counts[2]).sum();
        return table.append(String.format("%-12s %6d %6d %6d%n", "total", cases(), passed, known))
                .toString();
    }

    private static String shortened(String target) {
        return target.length() <= 120 ? target : target.substring(0, 120) + "...(" + target.length() + " chars)";
    }
}
