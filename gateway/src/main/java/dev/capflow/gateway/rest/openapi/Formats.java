package dev.capflow.gateway.rest.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * States the format of the date, instant and currency members the records declare as plain strings: a date
 * ({@code YYYY-MM-DD}) or an instant (ISO-8601 UTC) by its example or its name, a currency as an ISO 4217 code.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class Formats implements OASFilter {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final List<String> DATE_NAMES = List.of("validFrom", "validTo");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().getSchemas().values().stream()
                .filter(schema -> schema.getProperties() != null)
                .forEach(schema -> schema.getProperties().forEach(Formats::describe));
    }

    private static void describe(String name, Schema property) {
        if (property.getRef() != null
                || property.getFormat() != null
                || property.getType() == null
                || !property.getType().contains(Schema.SchemaType.STRING)
                || property.getEnumeration() != null) {
            return;
        }
        String example =
                property.getExamples() == null || property.getExamples().isEmpty()
                        ? ""
                        : String.valueOf(property.getExamples().get(0));
        if (DATE.matcher(example).matches() || (example.isEmpty() && DATE_NAMES.contains(name))) {
            property.setFormat("date");
        } else if (INSTANT.matcher(example).matches()
                || (example.isEmpty() && (name.endsWith("At") || name.equals("ts")))) {
            property.setFormat("date-time");
        } else if (name.equals("currency") && property.getDescription() == null) {
            property.setDescription("ISO 4217 currency code.");
        }
    }
}
