package dev.capflow.exposure.seed;

import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.CapacityKind;
import dev.capflow.exposure.domain.Confidence;
import dev.capflow.exposure.domain.EdgeDraft;
import dev.capflow.exposure.domain.EntityDraft;
import dev.capflow.exposure.domain.EntityKind;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.GraphValidator;
import dev.capflow.exposure.engine.EdgeKind;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.exposure.service.GraphModel;
import dev.capflow.validation.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The seed graph read from {@code entities.csv} and {@code edges.csv} (formats in docs/funding-graph.md) and checked by
 * the same rules as a request: every row is validated, every symbol names one entity, and the engine accepts the whole
 * graph. A bad seed fails with the file, line and field, so the service does not start on it.
 */
public record SeedGraph(List<GraphEntity> entities, List<GraphEdge> edges) {

    static final List<String> ENTITY_COLUMNS = List.of(
            "id",
            "name",
            "kind",
            "ticker",
            "listings",
            "valuationUsd",
            "valuationAsOf",
            "valuationSource",
            "revenueUsd",
            "revenueAsOf",
            "revenueSource");
    static final List<String> EDGE_COLUMNS = List.of(
            "id",
            "sourceRow",
            "from",
            "to",
            "kind",
            "amountUsd",
            "share",
            "asOf",
            "estimated",
            "confidence",
            "source",
            "note",
            "validTo",
            "amountLowUsd",
            "amountHighUsd",
            "capacityGw",
            "capacityKind");

    public SeedGraph {
        entities = List.copyOf(entities);
        edges = List.copyOf(edges);
    }

    /** Reads and checks the seed in classpath folder {@code location}. */
    public static SeedGraph read(String location) {
        CsvTable entityTable = CsvTable.parse("entities.csv", resource(location + "/entities.csv"), ENTITY_COLUMNS);
        CsvTable edgeTable = CsvTable.parse("edges.csv", resource(location + "/edges.csv"), EDGE_COLUMNS);
        List<GraphEntity> entities = new ArrayList<>();
        Map<String, String> symbolOwners = new HashMap<>();
        for (CsvTable.Row row : entityTable.rows()) {
            GraphEntity entity = checked(entityTable, row, () -> GraphValidator.entity(entityDraft(row), ""));
            for (String symbol : entity.symbols()) {
                String owner = symbolOwners.putIfAbsent(symbol, entity.id());
                if (owner != null) {
                    throw failure(entityTable, row, "symbol " + symbol + " already names entity " + owner);
                }
            }
            entities.add(entity);
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (CsvTable.Row row : edgeTable.rows()) {
            edges.add(checked(
                    edgeTable, row, () -> withValidTo(GraphValidator.edge(edgeDraft(row), "", true), edgeTable, row)));
        }
        for (LocalDate date : GraphModel.datesOfChange(edges)) {
            try {
                GraphModel.of(
                        entities,
                        edges.stream().filter(edge -> edge.holdsOn(date)).toList(),
                        AmountChoice.BASE);
            } catch (GraphException e) {
                throw new IllegalStateException("seed graph rejected on " + date + ": " + e.getMessage(), e);
            }
        }
        return new SeedGraph(entities, edges);
    }

    private static EntityDraft entityDraft(CsvTable.Row row) {
        String listings = row.get("listings");
        return new EntityDraft(
                row.get("id"),
                row.get("name"),
                entityKind(row.get("kind")),
                row.get("ticker"),
                listings.isEmpty() ? List.of() : Arrays.asList(listings.split(";")),
                number(row, "valuationUsd"),
                row.get("valuationAsOf"),
                row.get("valuationSource"),
                number(row, "revenueUsd"),
                row.get("revenueAsOf"),
                row.get("revenueSource"),
                OptionalDouble.empty(),
                "",
                "",
                0,
                "");
    }

    private static EdgeDraft edgeDraft(CsvTable.Row row) {
        return new EdgeDraft(
                row.get("id"),
                row.get("from"),
                row.get("to"),
                edgeKind(row.get("kind")),
                number(row, "amountUsd"),
                number(row, "share"),
                row.get("asOf"),
                row.get("source"),
                confidence(row.get("confidence")),
                Boolean.parseBoolean(row.get("estimated")),
                row.get("note"),
                row.get("sourceRow"),
                0,
                number(row, "amountLowUsd"),
                number(row, "amountHighUsd"),
                number(row, "capacityGw"),
                capacityKind(row.get("capacityKind")));
    }

    /**
     * The edge holding until the row's {@code validTo} (empty: still holds). Rows sharing an id are the versions of one
     * edge, in date order, holding one after the other.
     */
    private static GraphEdge withValidTo(GraphEdge edge, CsvTable table, CsvTable.Row row) {
        String text = row.get("validTo");
        if (text.isEmpty()) {
            return edge;
        }
        LocalDate validTo = LocalDate.parse(text);
        if (!validTo.isAfter(edge.asOf())) {
            throw failure(table, row, "validTo " + validTo + " must be after asOf " + edge.asOf());
        }
        return edge.withValidTo(validTo);
    }

    private static EntityKind entityKind(String text) {
        return text.isEmpty() ? null : EntityKind.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static EdgeKind edgeKind(String text) {
        return text.isEmpty() ? null : EdgeKind.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static CapacityKind capacityKind(String text) {
        return text.isEmpty() ? null : CapacityKind.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Confidence confidence(String text) {
        return text.isEmpty() ? null : Confidence.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static OptionalDouble number(CsvTable.Row row, String column) {
        String text = row.get(column);
        return text.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text));
    }

    /** Runs {@code parse}, turning any problem with the row into a failure naming the file, line and field. */
    private static <T> T checked(CsvTable table, CsvTable.Row row, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequestException | IllegalArgumentException e) {
            throw failure(table, row, e.getMessage());
        }
    }

    private static IllegalStateException failure(CsvTable table, CsvTable.Row row, String message) {
        return new IllegalStateException("seed " + table.file() + " line " + row.line() + ": " + message);
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no seed file " + path + " on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + path, e);
        }
    }
}
