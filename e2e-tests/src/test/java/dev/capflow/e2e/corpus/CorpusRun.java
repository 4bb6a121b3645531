package dev.capflow.e2e.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs corpus cases one after another against a gateway: each answer is checked ({@link AnswerCheck}), and around each
 * write the stored state is read back, so a refused request that stored anything fails its case.
 */
public final class CorpusRun {

    private final CorpusClient client;
    private final StoredState state;
    private final CorpusTally tally = new CorpusTally();

    public CorpusRun(String gatewayUrl) {
        this.client = new CorpusClient(gatewayUrl);
        this.state = new StoredState(client, Valid.STATE_ROUTES);
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
        cases.addAll(NumberCases.legal());
        cases.addAll(TextCases.legal());
        return cases;
    }

    public void run(List<CorpusCase> cases) {
        Map<String, String> stored = state.read();
        for (CorpusCase corpusCase : cases) {
            CorpusClient.Answer answer = client.send(corpusCase.request());
            List<String> failures = new ArrayList<>(AnswerCheck.failures(corpusCase, answer));
            if (corpusCase.request().writes()) {
                Map<String, String> after = state.read();
                List<String> changed = StoredState.changed(stored, after);
                if (answer.status() >= 400 && !changed.isEmpty()) {
                    failures.add("refused but stored: " + changed);
                }
                stored = after;
            }
            if (corpusCase.absentAfter() != null) {
                int status = client.read(corpusCase.absentAfter()).status();
                if (status != 404) {
                    failures.add(corpusCase.absentAfter() + " answers " + status + " afterwards, not 404");
                }
            }
            tally.record(corpusCase, failures);
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
