package dev.capflow.gateway.request;

/** One input field that broke a rule, and the rule it broke. */
public record FieldViolation(String field, String reason) {}
