package dev.capflow.basket.grpc;

import com.google.rpc.PreconditionFailure;
import dev.capflow.basket.client.IngestRefusal;
import dev.capflow.basket.domain.BasketValidator;
import dev.capflow.basket.domain.HistoryTooLargeException;
import dev.capflow.basket.domain.MissingDataException;
import dev.capflow.basket.engine.BasketArgumentException;
import dev.capflow.basket.engine.MemberPricesException;
import dev.capflow.grpc.errors.FailureStatuses;
import dev.capflow.grpc.errors.GrpcStatuses;
import dev.capflow.validation.FieldViolation;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;

/**
 * The statuses of basket-service: the conditions only it knows (engine argument errors, too much history, missing
 * market data); everything else as in every capflow service ({@link FailureStatuses}).
 */
final class GrpcErrors {

    private GrpcErrors() {}

    static Throwable toStatus(Throwable failure) {
        return FailureStatuses.toStatus(failure, "basket-service", GrpcErrors::mapOwn);
    }

    private static Throwable mapOwn(Throwable cause) {
        if (cause instanceof MemberPricesException member) {
            return memberPrices(member);
        }
        if (cause instanceof BasketArgumentException engine) {
            String field = BasketValidator.snakeCase(engine.field());
            return GrpcStatuses.invalidArgument(
                    field + ": " + engine.reason(),
                    List.of(new FieldViolation(field, engine.reason())),
                    FieldViolation::field,
                    FieldViolation::description);
        }
        if (cause instanceof HistoryTooLargeException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof MissingDataException) {
            return Status.FAILED_PRECONDITION
                    .withDescription(cause.getMessage())
                    .asRuntimeException();
        }
        if (cause instanceof IngestRefusal refusal) {
            return GrpcStatuses.withBadRequest(
                    refusal.code(),
                    refusal.getMessage(),
                    refusal.violations(),
                    FieldViolation::field,
                    FieldViolation::description);
        }
        return null;
    }

    /** The PreconditionFailure type of a stored basket whose member's market data cannot serve it. */
    static final String MEMBER_PRICES = "MEMBER_PRICES";

    /** FAILED_PRECONDITION naming the member in the stored definition ({@code members[i].symbol}) as its subject. */
    private static StatusRuntimeException memberPrices(MemberPricesException failure) {
        return GrpcStatuses.withDetails(
                com.google.rpc.Code.FAILED_PRECONDITION,
                failure.getMessage(),
                List.of(PreconditionFailure.newBuilder()
                        .addViolations(PreconditionFailure.Violation.newBuilder()
                                .setType(MEMBER_PRICES)
                                .setSubject(failure.field())
                                .setDescription(GrpcStatuses.bounded(failure.reason(), GrpcStatuses.MAX_DESCRIPTION)))
                        .build()));
    }
}
