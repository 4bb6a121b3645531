package dev.capflow.exposure.grpc;

import com.google.protobuf.Timestamp;
import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphValidator;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.PlatformDates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The point of view every read and analysis request carries: its snapshot (as_of, known_at) and its amounts. */
final class ViewRequests {

    private ViewRequests() {}

    /** The snapshot of {@code asOf} (empty: today) and {@code knownAt} (absent: now); bad fields go to {@code violations}. */
    static Snapshot snapshot(String asOf, boolean hasKnownAt, Timestamp knownAt, List<FieldViolation> violations) {
        LocalDate date = GraphValidator.date(asOf, "as_of", false, violations);
        Instant instant = null;
        if (hasKnownAt) {
            if (knownAt.getNanos() < 0 || knownAt.getNanos() > 999_999_999) {
                violations.add(new FieldViolation("known_at", "not a valid timestamp: nanos " + knownAt.getNanos()));
            } else {
                instant = Instant.ofEpochSecond(
                        Math.max(
                                Instant.MIN.getEpochSecond(),
                                Math.min(Instant.MAX.getEpochSecond(), knownAt.getSeconds())),
                        knownAt.getNanos());
                String range = PlatformDates.rangeProblem(instant);
                if (range != null) {
                    violations.add(new FieldViolation("known_at", range));
                    instant = null;
                }
            }
        }
        return Snapshot.of(date, instant);
    }

    /** The domain choice (UNSPECIFIED: BASE); an unknown number goes to {@code violations}. */
    static AmountChoice amounts(dev.capflow.proto.exposure.v1.AmountChoice choice, List<FieldViolation> violations) {
        return switch (choice) {
            case AMOUNT_CHOICE_UNSPECIFIED, AMOUNT_CHOICE_BASE -> AmountChoice.BASE;
            case AMOUNT_CHOICE_LOW -> AmountChoice.LOW;
            case AMOUNT_CHOICE_HIGH -> AmountChoice.HIGH;
            default -> {
                violations.add(new FieldViolation(
                        "amounts",
                        "one of AMOUNT_CHOICE_LOW, AMOUNT_CHOICE_BASE, " + "AMOUNT_CHOICE_HIGH, got unknown value "
                                + choice.getNumber()));
                yield AmountChoice.BASE;
            }
        };
    }
}
