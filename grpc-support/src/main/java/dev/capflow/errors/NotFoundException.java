package dev.capflow.errors;

import java.util.Collection;
import java.util.List;

/**
 * The request names resources that do not exist. Every service answers NOT_FOUND with one google.rpc.ResourceInfo per
 * missing resource ({@code resource_type} the proto message type, {@code resource_name} its id).
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String resourceType;
    private final transient List<String> names;

    public NotFoundException(String resourceType, Collection<String> names, String message) {
        super(message);
        this.resourceType = resourceType;
        this.names = List.copyOf(names);
    }

    /** One missing resource: "no basket b1". */
    public NotFoundException(String resourceType, String name) {
        this(resourceType, List.of(name), "no " + Resources.noun(resourceType) + " " + name);
    }

    public String resourceType() {
        return resourceType;
    }

    public List<String> names() {
        return names;
    }
}
