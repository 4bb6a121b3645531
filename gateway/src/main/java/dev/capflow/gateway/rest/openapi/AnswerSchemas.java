package dev.capflow.gateway.rest.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.capflow.gateway.request.IngestReport;
import dev.capflow.gateway.rest.dto.BarRevisionView;
import dev.capflow.gateway.rest.dto.BarSeriesView;
import dev.capflow.gateway.rest.dto.BasketView;
import dev.capflow.gateway.rest.dto.CompareView;
import dev.capflow.gateway.rest.dto.CorporateActionView;
import dev.capflow.gateway.rest.dto.CsvImportReport;
import dev.capflow.gateway.rest.dto.EdgeView;
import dev.capflow.gateway.rest.dto.EntityView;
import dev.capflow.gateway.rest.dto.InstrumentView;
import dev.capflow.gateway.rest.dto.LatestPriceView;
import dev.capflow.gateway.rest.dto.LookThroughView;
import dev.capflow.gateway.rest.dto.LoopsView;
import dev.capflow.gateway.rest.dto.PerformanceView;
import dev.capflow.gateway.rest.dto.StressView;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes the schemas of the answers say what the gateway's JSON really holds. Answers leave a null member out
 * (quarkus.jackson.serialization-inclusion=non-null), so a member of a primitive type is always there (required) and
 * any other member may be missing; a record marked {@code @JsonInclude(ALWAYS)} writes every member, its nulls as
 * explicit nulls (required, and its non-primitive members typed "X or null"). Lists are always there (empty when
 * there is nothing). Derived from the records themselves,
 * so the document follows the code.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AnswerSchemas implements OASFilter {

    /** The answer records; the records they hold are found from their members. */
    static final List<Class<?>> ANSWERS = List.of(
            BarRevisionView.class,
            BarSeriesView.class,
            BasketView.class,
            CompareView.class,
            CorporateActionView.class,
            CsvImportReport.class,
            EdgeView.class,
            EntityView.class,
            InstrumentView.class,
            LatestPriceView.class,
            LookThroughView.class,
            LoopsView.class,
            PerformanceView.class,
            StressView.class,
            IngestReport.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Class<?> record : reachableRecords()) {
            Schema schema = schemas.get(schemaName(record));
            if (schema != null && schema.getProperties() != null) {
                describe(record, schema);
            }
        }
        describeProblem(schemas.get("Problem"));
    }

    private static void describe(Class<?> record, Schema schema) {
        JsonInclude include = record.getAnnotation(JsonInclude.class);
        boolean explicitNulls = include != null && include.value() == JsonInclude.Include.ALWAYS;
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema property = schema.getProperties().get(name);
            if (component.isAnnotationPresent(JsonUnwrapped.class)) {
                describe(component.getType(), schema); // its members are written into this object
                continue;
            }
            if (property == null) {
                continue;
            }
            boolean primitive = component.getType().isPrimitive();
            // mappers build lists from repeated proto fields: never null, empty when there is nothing
            boolean list = List.class.isAssignableFrom(component.getType());
            if (primitive || list || explicitNulls) {
                schema.addRequired(name);
            }
            if (explicitNulls && !primitive && !list) {
                schema.addProperty(name, orNull(property));
            }
        }
    }

    /** The property's schema widened to also allow null (a $ref becomes anyOf [ref, null]). */
    private static Schema orNull(Schema property) {
        if (property.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(property.getRef());
            return OASFactory.createSchema()
                    .description(property.getDescription())
                    .anyOf(List.of(ref, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    /** RFC 9457 members: type, title and status always; extension members (an ingest report) follow them. */
    private static void describeProblem(Schema problem) {
        problem.removeProperty("extensions");
        problem.required(List.of("type", "title", "status"));
        problem.additionalPropertiesSchema(OASFactory.createSchema().booleanSchema(Boolean.TRUE));
    }

    private static Set<Class<?>> reachableRecords() {
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> pending = new ArrayList<>(ANSWERS);
        while (!pending.isEmpty()) {
            Class<?> record = pending.remove(pending.size() - 1);
            if (record.isRecord() && seen.add(record)) {
                for (RecordComponent component : record.getRecordComponents()) {
                    pending.add(component.getType());
                    addTypeArguments(component.getGenericType(), pending);
                }
            }
        }
        return seen;
    }

    private static void addTypeArguments(Type type, List<Class<?>> pending) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> argumentClass) {
                    pending.add(argumentClass);
                }
            }
        }
    }

    private static String schemaName(Class<?> record) {
        org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
                record.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : record.getSimpleName();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null && component.getAccessor() != null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
