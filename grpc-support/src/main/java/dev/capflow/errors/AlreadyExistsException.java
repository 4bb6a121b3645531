package dev.capflow.errors;

/**
 * The resource a request creates already exists (with different content). Every service answers ALREADY_EXISTS with a
 * google.rpc.ResourceInfo naming it.
 */
public class AlreadyExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String resourceType;
    private final String name;

    public AlreadyExistsException(String resourceType, String name, String message) {
        super(message);
        this.resourceType = resourceType;
        this.name = name;
    }

    /** "basket b1 already exists". */
    public AlreadyExistsException(String resourceType, String name) {
        this(resourceType, name, Resources.noun(resourceType) + " " + name + " already exists");
    }

    public String resourceType() {
        return resourceType;
    }

    public String name() {
        return name;
    }
}
