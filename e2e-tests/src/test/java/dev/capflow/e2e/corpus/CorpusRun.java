package dev.capflow.e2e.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs corpus cases one after another against a gateway: each answer is checked ({@link AnswerCheck}), and before and
 * after each write what it could change is read back ({@link Valid#stateRoutes}), so a refused request that stored
 * anything fails its case.
 */
public final class CorpusRun {

    private final CorpusClient client;
    private final StoredState state;
    private final CorpusTally tally = new CorpusTally();

    public CorpusRun(String gatewayUrl) {
        this.client = new CorpusClient(gatewayUrl);
        this.state = new StoredState(client);
    }

    /** Every case of every category, the legal extremes (which may store) last. */
    public static List<CorpusCase> allCases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.addAll(DateCases.cases());
        cases.addAll(TextCases.cases());
        cases.addAll(NumberCases.cases());
        cases.addAll(CsvCases.cases());
        cases.addAll(GraphCases.cases());
        cases.addAll(BasketCases.cases());
        cases.addAll(QueryCases.cases());
        cases.addAll(BodyCases.cases());
        cases.addAll(TokenCases.cases());
        cases.addAll(TrialCases.cases());
        cases.addAll(TrialFindingCases.cases());
        cases.addAll(StrictnessCases.cases());
        cases.addAll(FreshTrialCases.cases());
        cases.addAll(NumberCases.legal());
        cases.addAll(TextCases.legal());
        return cases;
    }

    public void run(List<CorpusCase> cases) {
        int n = 0;
        for (CorpusCase listed : cases) {
            CorpusCase fresh = listed.withFreshIds(n++);
            CorpusCase corpusCase = fresh.request().wantsCurrentVersion()
                    ? fresh.withRequest(fresh.request()
                            .withVersion(state.version(fresh.request().target())))
                    : fresh;
            List<String> stateRoutes = corpusCase.request().writes()
                    ? Valid.stateRoutes(corpusCase.request().target())
                    : List.of();
            Map<String, String> before = state.read(stateRoutes);
            CorpusClient.Answer answer = client.send(corpusCase.request());
            List<String> failures = new ArrayList<>(AnswerCheck.failures(corpusCase, answer));
            List<String> changed = StoredState.changed(before, state.read(stateRoutes));
            if ((answer.status() >= 400 || answer.status() == 0) && !changed.isEmpty()) {
                failures.add("refused but stored: " + changed);
            }
            if (corpusCase.absentAfter() != null) {
                int status = client.read(corpusCase.absentAfter()).status();
                if (status != 404) {
                    failures.add(corpusCase.absentAfter() + " answers " + status + " afterwards, not 404");
                }
            }
            tally.record(corpusCase, failures);
            if (!failures.isEmpty()) {
                System.out.println((KnownDefects.contains(corpusCase) ? "KNOWN " : "FAILED ") + corpusCase.label()
                        + ": " + String.join("; ", failures));
            } else if (KnownDefects.contains(corpusCase)) {
                System.out.println("FIXED (remove it from KnownDefects) " + corpusCase.label());
            }
        }
    }

    public int cases() {
        return tally.cases();
    }

    public List<String> failures() {
        return tally.failures();
    }

    /** Cases and passes per category. */
    public String table() {
        return tally.table();
    }
}
