package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Makes request JSON strict about scalar types: a price sent as {@code "NaN"} or {@code "12.5"}
 * is a wrong type, not silently a number; a volume of {@code 1.5} is not truncated to 1 (while {@code 1e3} is the
 * whole number 1000, {@link WholeNumberDeserializer}); a symbol sent as a number is not turned into a string; a flag
 * sent as {@code 1} is not {@code true}.
 */
@Singleton
public class StrictScalarsCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applies the strict rules to any mapper (also used by plain unit tests). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(
                new SimpleModule("whole-numbers").addDeserializer(Long.class, new WholeNumberDeserializer()));
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // Jackson reads 1 and 0 as true and false unless told not to: "estimated": 1 is a wrong type
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
