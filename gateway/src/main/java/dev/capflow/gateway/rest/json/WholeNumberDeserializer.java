package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a whole number written as JSON allows any number to be written: {@code 1000}, {@code 1e3} or {@code 1000.0}
 * (JSON has no integer type, and JavaScript writes large numbers with an exponent). A number with a fraction, or one
 * written with a fraction or exponent beyond 2^53 (where a double no longer holds every whole number exactly), one
 * beyond a long's range, a text or any other token is a wrong type.
 */
final class WholeNumberDeserializer extends StdScalarDeserializer<Long> {

    /** The largest whole number every double up to it represents exactly. */
    private static final double EXACT_LIMIT = 0x1p53;

    WholeNumberDeserializer() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            if (value == Math.rint(value) && Math.abs(value) <= EXACT_LIMIT) {
                return (long) value;
            }
        }
        return (Long) context.handleUnexpectedToken(Long.class, parser);
    }
}
