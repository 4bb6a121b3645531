package dev.capflow.exposure.domain;

import java.time.Instant;

/** When capflow stored a version ({@code recordedAt}) and when a later record replaced it ({@code supersededAt}, null while current). */
public record RecordTime(Instant recordedAt, Instant supersededAt) {}
