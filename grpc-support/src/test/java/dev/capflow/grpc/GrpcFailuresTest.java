package dev.capflow.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrpcFailuresTest {

    @Test
    void onlyUnavailableIsRetryableEvenWhenWrapped() {
        assertThat(GrpcFailures.isUnavailable(new CompletionException(Status.UNAVAILABLE.asRuntimeException())))
                .isTrue();
        assertThat(GrpcFailures.isUnavailable(Status.UNAVAILABLE.asException())).isTrue();
        assertThat(GrpcFailures.isUnavailable(Status.DEADLINE_EXCEEDED.asRuntimeException()))
                .isFalse();
        assertThat(GrpcFailures.isUnavailable(new IllegalStateException("no gRPC here")))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "UNKNOWN", "DATA_LOSS", "UNIMPLEMENTED"})
    void serviceFaultsCountAgainstTheBreaker(Status.Code code) {
        assertThat(GrpcFailures.countsAgainstService(Status.fromCode(code).asRuntimeException()))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {
                "INVALID_ARGUMENT",
                "NOT_FOUND",
                "ALREADY_EXISTS",
                "FAILED_PRECONDITION",
                "ABORTED",
                "OUT_OF_RANGE",
                "RESOURCE_EXHAUSTED",
                "PERMISSION_DENIED",
                "CANCELLED"
            })
    void answersAboutTheRequestDoNotCount(Status.Code code) {
        assertThat(GrpcFailures.countsAgainstService(Status.fromCode(code).asRuntimeException()))
                .isFalse();
    }

    @Test
    void aFailureOutsideGrpcDoesNotCount() {
        assertThat(GrpcFailures.countsAgainstService(new NullPointerException()))
                .isFalse();
    }
}
