package dev.capflow.ingest.pricestream;

import jakarta.inject.Singleton;
import java.util.UUID;

/** A random id of this process, tagged on its stream entries so it can skip them when read back. */
@Singleton
public class InstanceId {

    private final String value = UUID.randomUUID().toString();

    public String value() {
        return value;
    }
}
