package dev.capflow.redis;

import java.util.Map;

/** One entry of a Redis stream: its id and its fields. */
public record StreamEntry(String id, Map<String, String> fields) {}
