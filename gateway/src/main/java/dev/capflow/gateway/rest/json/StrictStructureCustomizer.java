package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes request JSON strict about structure: a key given twice in one object is refused (which of the two values
 * counts would otherwise be the parser's choice), so is a member the body does not have ({@code "sharesOutstandng"}
 * would otherwise be dropped unseen, the typo never told), so is anything after the one JSON document of a body
 * ({@code {...}{...}} would otherwise store the first and drop the second unseen), and nesting deeper than
 * {@code capflow.gateway.json.max-nesting-depth} is refused before it costs stack. Only request bodies are read into
 * records; answers are written, so the rules bind what clients send and nothing else.
 */
@Singleton
public class StrictStructureCustomizer implements ObjectMapperCustomizer {

    private final int maxNestingDepth;

    public StrictStructureCustomizer(
            @ConfigProperty(name = "capflow.gateway.json.max-nesting-depth", defaultValue = "64") int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper, maxNestingDepth);
    }

    /** Applies the structural rules to any mapper (also used by plain unit tests). */
    public static ObjectMapper apply(ObjectMapper mapper, int maxNestingDepth) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build());
        return mapper;
    }
}
