package dev.capflow.e2e.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The corpus checks report each kind of bad answer, so a corpus case can fail. */
class AnswerCheckTest {

    private static final CorpusCase REFUSAL =
            CorpusCase.refused("t", "bar close NaN", CorpusRequest.post("/api/v1/prices/bars", "[]"), "close");
    private static final String PROBLEM = "application/problem+json";

    private static CorpusClient.Answer answer(int status, String contentType, String body, long millis) {
        return new CorpusClient.Answer(status, contentType, body, Duration.ofMillis(millis), null);
    }

    @Test
    void aRefusalNamingTheFieldInTimePasses() {
        assertThat(AnswerCheck.failures(
                        REFUSAL,
                        answer(
                                422,
                                PROBLEM,
                                "{\"status\": 422, \"rejected\": [{\"index\": 0, \"field\": \"close\", \"reason\": \"not a finite number\"}]}",
                                30)))
                .isEmpty();
        assertThat(AnswerCheck.failures(
                        REFUSAL,
                        answer(
                                400,
                                PROBLEM,
                                "{\"status\": 400, \"violations\": [{\"field\": \"[0].close\", \"reason\": \"not finite\"}]}",
                                30)))
                .isEmpty();
    }

    @Test
    void eachBadAnswerIsReported() {
        assertThat(AnswerCheck.failures(REFUSAL, answer(500, PROBLEM, "{}", 30)))
                .contains("status 500");
        assertThat(AnswerCheck.failures(REFUSAL, answer(200, "application/json", "{}", 30)))
                .contains("accepted with status 200");
        assertThat(AnswerCheck.failures(REFUSAL, answer(400, "text/plain", "bad", 30)))
                .contains("refusal as 'text/plain', not application/problem+json");
        assertThat(AnswerCheck.failures(REFUSAL, answer(400, PROBLEM, "{\"violations\": [{\"field\": \"open\"}]}", 30)))
                .contains("does not name close (open)");
        assertThat(AnswerCheck.failures(
                        REFUSAL, answer(400, PROBLEM, "{\"violations\": [{\"field\": \"close\"}]}", 6000)))
                .contains("took 6000 ms");
        assertThat(AnswerCheck.failures(REFUSAL, answer(400, PROBLEM, "{\"x\": NaN}", 30)))
                .singleElement()
                .asString()
                .startsWith("body is not strict JSON");
        assertThat(AnswerCheck.failures(
                        REFUSAL, answer(400, PROBLEM, "{\"violations\": [{\"field\": \"close\"}], \"x\": 1e999}", 30)))
                .contains("non-finite number at $.x");
        assertThat(AnswerCheck.failures(REFUSAL, new CorpusClient.Answer(0, "", "", Duration.ZERO, "reset")))
                .contains("no answer: reset");
    }

    @Test
    void anAcceptedCaseMustBeServedOnePageAtMost() {
        CorpusCase page =
                CorpusCase.accepted("query", "pageSize 1001", CorpusRequest.get("/api/v1/baskets?pageSize=1001"));
        String fullPage = "[" + "1,".repeat(AnswerCheck.MAX_PAGE - 1) + "1]";
        assertThat(AnswerCheck.failures(page, answer(200, "application/json", fullPage, 30)))
                .isEmpty();
        assertThat(AnswerCheck.failures(page, answer(200, "application/json", "[1," + fullPage.substring(1), 30)))
                .contains("a page of 1001 items, more than 1000");
        assertThat(AnswerCheck.failures(page, answer(400, PROBLEM, "{\"status\": 400}", 30)))
                .contains("refused with status 400");
    }

    @Test
    void aCsvRowIsNamedByItsRowNumber() {
        CorpusCase csv = CorpusCase.refused("csv", "bad row", CorpusRequest.get("/"), "row 3");
        assertThat(AnswerCheck.failures(
                        csv, answer(422, PROBLEM, "{\"rejected\": [{\"row\": 3, \"field\": \"Close\"}]}", 1)))
                .isEmpty();
        assertThat(AnswerCheck.failures(
                        csv, answer(422, PROBLEM, "{\"rejected\": [{\"row\": 2, \"field\": \"Close\"}]}", 1)))
                .contains("does not name row 3 (row 2 Close)");
    }
}
