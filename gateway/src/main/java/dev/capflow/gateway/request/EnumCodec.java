package dev.capflow.gateway.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates between public names ({@code "EQUITY"}) and the constants of a contract enum that
 * carry a common prefix ({@code INSTRUMENT_KIND_EQUITY}); the {@code *_UNSPECIFIED} placeholder
 * and unknown wire values have no public name.
 */
public final class EnumCodec<E extends Enum<E>> {

    private static final String PLACEHOLDER = "UNSPECIFIED";

    private final Class<E> type;
    private final String prefix;
    private final List<String> names;

    public EnumCodec(Class<E> type, String prefix) {
        this.type = type;
        this.prefix = prefix;
        List<String> publicNames = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name();
            if (name.startsWith(prefix) && !name.equals(prefix + PLACEHOLDER)) {
                publicNames.add(name.substring(prefix.length()));
            }
        }
        this.names = List.copyOf(publicNames);
    }

    /** The public names, in declaration order. */
    public List<String> names() {
        return names;
    }

    /** The constant with this public name, ignoring case. */
    public Optional<E> parse(String publicName) {
        if (publicName == null) {
            return Optional.empty();
        }
        String wanted = publicName.strip().toUpperCase(Locale.ROOT);
        return names.contains(wanted) ? Optional.of(Enum.valueOf(type, prefix + wanted)) : Optional.empty();
    }

    /** The public name of a constant, or null for the placeholder and unknown wire values. */
    public String name(E constant) {
        String name = constant.name();
        if (!name.startsWith(prefix)) {
            return null;
        }
        String publicName = name.substring(prefix.length());
        return names.contains(publicName) ? publicName : null;
    }
}
