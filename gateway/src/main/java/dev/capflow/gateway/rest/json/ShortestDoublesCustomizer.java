package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Writes every double of an answer with Jackson's Schubfach writer instead of Java 17's {@code Double.toString}, which
 * took about half of the gateway's time serializing a basket answer (series of doubles). The number parses back
 * to the identical double; only its text can differ: Schubfach always writes the shortest text that reads back as
 * that double (as {@code Double.toString} does from Java 19 on), Java 17 sometimes one digit more. An answer cached by
 * a gateway without this writer keeps the text it was written with.
 */
@Singleton
public class ShortestDoublesCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    }
}
