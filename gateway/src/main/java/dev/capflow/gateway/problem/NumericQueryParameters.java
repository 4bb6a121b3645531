package dev.capflow.gateway.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Converts numeric query parameters so that a value that is not a number is a 400 naming the parameter
 * ({@link BadNumber}, answered by {@link ProblemMappers}), not the JAX-RS default of 404 "Not Found".
 */
@Provider
public class NumericQueryParameters implements ParamConverterProvider {

    /** A query parameter value that is not the number its route expects. */
    public static final class BadNumber extends BadRequestException {

        private static final long serialVersionUID = 1L;

        private final String value;
        private final String expected;

        BadNumber(String value, String expected) {
            super("not " + expected);
            this.value = value;
            this.expected = expected;
        }

        /** The value as sent. */
        public String value() {
            return value;
        }

        /** What it should be, e.g. "an integer". */
        public String expected() {
            return expected;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(Long::valueOf, "an integer");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(Integer::valueOf, "an integer");
        }
        if (rawType == Double.class) {
            return (ParamConverter<T>) converter(NumericQueryParameters::finite, "a finite number");
        }
        return null;
    }

    private static Double finite(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    private static <N extends Number> ParamConverter<N> converter(Function<String, N> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public N fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    throw new BadNumber(value, expected);
                }
            }

            @Override
            public String toString(N value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
