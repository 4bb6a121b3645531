package dev.capflow.grpc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableMessagesTest {

    @Test
    void keepsPrintableAsciiAndReplacesWhatGrpcJavaWouldPercentEncode() {
        assertThat(PrintableMessages.of("no basket b1")).isEqualTo("no basket b1");
        assertThat(PrintableMessages.of("symbol \u00c9DF\u20ac 5%\nnext\0")).isEqualTo("symbol ?DF? 5pct next?");
        assertThat(PrintableMessages.of("emoji \ud83d\ude00")).isEqualTo("emoji ?");
        assertThat(PrintableMessages.of(null)).isNull();
    }
}
