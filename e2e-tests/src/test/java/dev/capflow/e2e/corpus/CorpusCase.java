package dev.capflow.e2e.corpus;

/**
 * A hostile request and what its answer must show besides the checks every case gets (no 5xx, problem+json for a
 * refusal, no non-finite number, under the time limit, nothing stored by a refusal).
 *
 * @param category the corpus category the case counts under
 * @param name what is hostile about it, unique within the category
 * @param request what is sent
 * @param outcome whether the request must be refused
 * @param named the field, parameter or CSV row the refusal names ({@code null}: none to name), as
 *        {@link AnswerCheck#names} matches it
 * @param absentAfter a path that must answer 404 afterwards (what the request would have created), or {@code null}
 */
public record CorpusCase(
        String category, String name, CorpusRequest request, Outcome outcome, String named, String absentAfter) {

    /**
     * Whether the input is plainly wrong (refused with a 4xx), hostile but legal (any answer short of a 5xx), or an
     * edge of a documented rule that must be served (a 2xx; a JSON array answer at most one page, {@link
     * AnswerCheck#MAX_PAGE} items).
     */
    public enum Outcome {
        REFUSED,
        ANSWERED,
        ACCEPTED
    }

    public static CorpusCase refused(String category, String name, CorpusRequest request, String named) {
        return new CorpusCase(category, name, request, Outcome.REFUSED, named, null);
    }

    public static CorpusCase answered(String category, String name, CorpusRequest request) {
        return new CorpusCase(category, name, request, Outcome.ANSWERED, null, null);
    }

    public static CorpusCase accepted(String category, String name, CorpusRequest request) {
        return new CorpusCase(category, name, request, Outcome.ACCEPTED, null, null);
    }

    /** This case, requiring {@code path} to be 404 afterwards. */
    public CorpusCase absentAfter(String path) {
        return new CorpusCase(category, name, request, outcome, named, path);
    }

    /** This case with any answer short of a 5xx allowed (hostile but legal input). */
    public CorpusCase asAnswered() {
        return new CorpusCase(category, name, request, Outcome.ANSWERED, null, absentAfter);
    }

    /**
     * This case with the ids it would create ({@link Valid#NEW_IDS}) suffixed by {@code n}, in its target, body and
     * {@code absentAfter}: a refusal the platform wrongly accepts then fails only its own case, not every later case
     * that requires the same id absent.
     */
    public CorpusCase withFreshIds(int n) {
        return new CorpusCase(
                category,
                name,
                request.withFreshIds(n),
                outcome,
                named,
                absentAfter == null ? null : Valid.freshIds(absentAfter, n));
    }

    /** This case sending {@code other} instead of its request. */
    public CorpusCase withRequest(CorpusRequest other) {
        return new CorpusCase(category, name, other, outcome, named, absentAfter);
    }

    public String label() {
        return category + " / " + name;
    }
}
