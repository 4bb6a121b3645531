package dev.capflow.exposure.service;

import dev.capflow.exposure.engine.LoopSearch;

/** The loops found and the graph they were found in (to name entities and edges). */
public record LoopsResult(GraphModel model, LoopSearch search) {}
