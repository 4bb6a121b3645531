package dev.capflow.gateway.rest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.gateway.config.RequestLimitsConfig;
import dev.capflow.gateway.request.ConvertedBatch;
import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.request.Rejection;
import dev.capflow.gateway.request.TooManyRecordsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts request bodies read as JSON trees. Arrays are converted element by element so that one
 * bad element becomes a rejection at its index while the others still go through.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;
    private final RequestLimitsConfig limits;

    public JsonBodies(ObjectMapper mapper, RequestLimitsConfig limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    /**
     * Reads each element of {@code body} as {@code inputType} and converts it with {@code convert},
     * which throws {@link InvalidFieldsException} for an unusable element. A body that is not an
     * array fails as a whole, and so does one longer than {@code capflow.gateway.limits.max-records}.
     */
    public <I, T> ConvertedBatch<T> array(JsonNode body, Class<I> inputType, Function<I, T> convert) {
        if (body == null || !body.isArray()) {
            throw new InvalidFieldsException("body", "must be a JSON array of records");
        }
        if (body.size() > limits.maxRecords()) {
            throw new TooManyRecordsException(body.size(), limits.maxRecords());
        }
        List<T> records = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int index = 0; index < body.size(); index++) {
            try {
                records.add(convert.apply(element(body.get(index), inputType)));
                positions.add(index);
            } catch (InvalidFieldsException e) {
                // One rejection per element keeps accepted + duplicates + rejected equal to the array size.
                FieldViolation first = e.violations().get(0);
                rejections.add(Rejection.atIndex(index, first.field(), first.reason()));
            }
        }
        return new ConvertedBatch<>(records, positions, rejections);
    }

    /** Reads a single JSON object body as {@code inputType}. */
    public <I> I object(JsonNode body, Class<I> inputType) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidFieldsException("body", "is required");
        }
        if (!body.isObject()) {
            throw new InvalidFieldsException("body", "must be a JSON object");
        }
        return read(body, inputType);
    }

    private <I> I element(JsonNode element, Class<I> inputType) {
        if (element == null || !element.isObject()) {
            throw new InvalidFieldsException("record", "must be a JSON object");
        }
        return read(element, inputType);
    }

    private <I> I read(JsonNode node, Class<I> inputType) {
        List<FieldViolation> unsendable = SendableText.violations(node);
        if (!unsendable.isEmpty()) {
            throw new InvalidFieldsException(unsendable);
        }
        try {
            return mapper.treeToValue(node, inputType);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldsException(List.of(JacksonViolations.of(e)));
        }
    }
}
