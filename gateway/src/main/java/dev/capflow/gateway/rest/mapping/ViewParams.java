package dev.capflow.gateway.rest.mapping;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.proto.exposure.v1.AmountChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/** The point of view of a funding-graph read: asOf (a date, default today), knownAt (an instant, default now), amounts. */
final class ViewParams {

    private static final EnumCodec<AmountChoice> AMOUNTS = new EnumCodec<>(AmountChoice.class, "AMOUNT_CHOICE_");

    private ViewParams() {}

    /** Checks {@code asOf} and {@code knownAt} (each optional) and sets those given. */
    static void snapshot(
            Fields fields, String asOf, String knownAt, Consumer<String> setAsOf, Consumer<Timestamp> setKnownAt) {
        LocalDate date = fields.optionalDate("asOf", asOf);
        if (date != null) {
            setAsOf.accept(date.toString());
        }
        if (knownAt != null && !knownAt.isBlank()) {
            Instant instant = fields.instant("knownAt", knownAt);
            if (instant != null) {
                setKnownAt.accept(Timestamp.newBuilder()
                        .setSeconds(instant.getEpochSecond())
                        .setNanos(instant.getNano())
                        .build());
            }
        }
    }

    /** Checks {@code amounts} (optional: LOW, BASE or HIGH) and sets it when given. */
    static void amounts(Fields fields, String amounts, Consumer<AmountChoice> set) {
        if (amounts != null) {
            AmountChoice choice = fields.oneOf("amounts", amounts, AMOUNTS);
            if (choice != null) {
                set.accept(choice);
            }
        }
    }

    /** An ISO-8601 instant of a protobuf timestamp, or null when it is not set. */
    static String text(boolean present, Timestamp timestamp) {
        return present
                ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos())
                        .toString()
                : null;
    }
}
