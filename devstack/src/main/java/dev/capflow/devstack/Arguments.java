package dev.capflow.devstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The positional arguments, {@code --flag}s and {@code --option value}s of one subcommand. */
public final class Arguments {

    private final List<String> positionals;
    private final Set<String> flags;
    private final Map<String, String> options;

    private Arguments(List<String> positionals, Set<String> flags, Map<String, String> options) {
        this.positionals = positionals;
        this.flags = flags;
        this.options = options;
    }

    /** Splits {@code args}, accepting only the given flag and option names and exactly {@code positionalCount} positionals. */
    public static Arguments parse(
            List<String> args, int positionalCount, Set<String> flagNames, Set<String> optionNames)
            throws UsageException {
        List<String> positionals = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (flagNames.contains(arg)) {
                flags.add(arg);
            } else if (optionNames.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option " + arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                positionals.add(arg);
            }
        }
        if (positionals.size() != positionalCount) {
            throw new UsageException("expected " + positionalCount + " argument(s), got " + positionals.size());
        }
        return new Arguments(positionals, flags, options);
    }

    /** The positional argument at {@code index} (0-based). */
    public String positional(int index) {
        return positionals.get(index);
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The positional argument at {@code index} as a non-negative whole number; {@code name} labels it in errors. */
    public long nonNegative(int index, String name) throws UsageException {
        return nonNegative(positional(index), name);
    }

    /** {@code value} as a non-negative whole number; {@code name} labels it in errors. */
    public static long nonNegative(String value, String name) throws UsageException {
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number >= 0, got '" + value + "'");
    }
}
