package dev.capflow.exposure.fake;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.stub.StreamObserver;
import java.util.function.BooleanSupplier;

/** grpc.health.v1 Check of a fake: SERVING while {@code serving} says so, else NOT_SERVING. */
class FakeHealth extends HealthGrpc.HealthImplBase {

    private final BooleanSupplier serving;

    FakeHealth(BooleanSupplier serving) {
        this.serving = serving;
    }

    @Override
    public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> answer) {
        answer.onNext(HealthCheckResponse.newBuilder()
                .setStatus(serving.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING)
                .build());
        answer.onCompleted();
    }
}
