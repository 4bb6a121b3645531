package dev.capflow.gateway.request;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The checked parameters of a versioned delete route (an entity or an edge): the path {@code id}, the optional
 * {@code version} last read (0 is a version like any other) and the optional {@code validTo} date ("" for today).
 */
public record VersionedDelete(String id, OptionalLong version, String validTo) {

    /** Reads the three, or throws one {@link InvalidFieldsException} naming every unusable one. */
    public static VersionedDelete checked(String id, Long version, String validTo) {
        Fields fields = new Fields();
        String checkedId = fields.text("id", id);
        fields.check(version == null || version >= 0, "version", "must not be negative");
        LocalDate end = fields.optionalDate("validTo", validTo);
        fields.throwIfInvalid();
        return new VersionedDelete(
                checkedId,
                version == null ? OptionalLong.empty() : OptionalLong.of(version),
                end == null ? "" : end.toString());
    }
}
