package dev.capflow.exposure.grpc;

import com.google.protobuf.Timestamp;
import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphValidator;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.grpc.paging.PageRequest;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import dev.capflow.validation.PlatformDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /**
     * The page {@code asked} for, read in the snapshot of the walk's first page: a later page's token carries it, so
     * that an edit between pages (which can move an edge to another place in the as_of order) is not seen by the
     * rest of the walk, which then neither repeats nor skips an item. {@code requested} is the request's own.
     */
    static FramedPage framed(Snapshot requested, PageRequest asked) {
        Snapshot snapshot = asked.frame() == null ? requested : fromFrame(asked.frame());
        return new FramedPage(snapshot, asked.inFrame(snapshot.asOf() + " " + snapshot.knownAt()));
    }

    /** A page and the snapshot it is read in. */
    record FramedPage(Snapshot snapshot, PageRequest page) {}

    private static Snapshot fromFrame(String frame) {
        String[] parts = frame.split(" ");
        try {
            if (parts.length == 2) {
                Snapshot snapshot = new Snapshot(LocalDate.parse(parts[0]), Instant.parse(parts[1]));
                // an edited token may ask any date a request may, and no other
                if (PlatformDates.rangeProblem(snapshot.asOf()) == null
                        && PlatformDates.rangeProblem(snapshot.knownAt()) == null) {
                    return snapshot;
                }
            }
        } catch (DateTimeParseException forged) {
            // answered below, as any token this service did not issue
        }
        throw new InvalidRequestException("page_token", "is not a token this service issued");
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
