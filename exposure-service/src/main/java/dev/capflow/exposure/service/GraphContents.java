package dev.capflow.exposure.service;

import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every stored entity (ordered by id) and edge (ordered by as_of, then id), read together. */
public record GraphContents(List<GraphEntity> entities, List<GraphEdge> edges) {

    /** The entities by id. */
    public Map<String, GraphEntity> entitiesById() {
        return entities.stream().collect(Collectors.toMap(GraphEntity::id, Function.identity()));
    }
}
