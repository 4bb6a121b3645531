package dev.capflow.gateway.problem;

import dev.capflow.gateway.request.FieldViolation;
import jakarta.ws.rs.NotSupportedException;

/** A request body with a content coding other than {@code identity} (415 naming {@code Content-Encoding}). */
public class UnsupportedBodyCoding extends NotSupportedException {

    /** The header as the client spells it. */
    public static final String HEADER = "Content-Encoding";

    public UnsupportedBodyCoding(String coding) {
        super(HEADER + " " + coding + " is not accepted: send the body uncompressed (identity)");
    }

    FieldViolation violation() {
        return new FieldViolation(HEADER, "is not accepted: send the body uncompressed (identity)");
    }
}
