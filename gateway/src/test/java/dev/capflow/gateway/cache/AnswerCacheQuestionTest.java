package dev.capflow.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AnswerCacheQuestionTest {

    private static final byte[] REQUEST = {10, 11, 't', 'e', 'a', 'm', '-', 'g', 'o', 'o', 'g', 'l', 'e'};

    @Test
    void aQuestionIsItsKindAndTheSha256OfKindColonAndRequest() {
        // sha256 of the bytes of "performance:" followed by REQUEST, computed with Python's hashlib
        String expected = "performance:d23b597b1430beb3403b74b20ba8c6365f1695bf52f3c1a8f22bb070b62b3f8f";

        assertThat(AnswerCache.question("performance", REQUEST)).isEqualTo(expected);
    }

    @Test
    void theSameQuestionIsTheSameKeyAfterOthersOnAnyThread() throws Exception {
        String first = AnswerCache.question("compare", REQUEST);
        AnswerCache.question("performance", new byte[] {1, 2, 3});
        String onAnotherThread = CompletableFuture.supplyAsync(() -> AnswerCache.question("compare", REQUEST))
                .get();

        assertThat(AnswerCache.question("compare", REQUEST)).isEqualTo(first).isEqualTo(onAnotherThread);
        assertThat(AnswerCache.question("performance", REQUEST)).isNotEqualTo(first);
    }
}
