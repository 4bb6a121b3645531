package dev.capflow.grpc;

/**
 * The optimistic-lock check a write asks for. A proto3 {@code optional int64 expected_version} that is present checks
 * exactly that version (0 included); absent, the request's older {@code version} field decides, where a delete reads 0
 * as "no check" (docs/decisions.md, "No version check is an absent field").
 */
public final class ExpectedVersion {

    private ExpectedVersion() {}

    /** The version a delete must find, or null for no check. */
    public static Long ofDelete(boolean hasExpected, long expected, long legacyVersion) {
        if (hasExpected) {
            return expected;
        }
        return legacyVersion == 0 ? null : legacyVersion;
    }

    /** The version an update must find: it always checks one, the explicit field before the old one. */
    public static long ofUpdate(boolean hasExpected, long expected, long legacyVersion) {
        return hasExpected ? expected : legacyVersion;
    }
}
