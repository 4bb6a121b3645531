package dev.capflow.deploy;

import java.util.regex.Pattern;

/** Names kustomize generates: {@code <name>-<10-character content hash>}. */
final class Names {

    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

    private Names() {}

    /** Whether {@code rendered} is {@code baseName}, or {@code baseName} with a generator's hash suffix. */
    static boolean generatedFrom(String rendered, String baseName) {
        return rendered.equals(baseName)
                || rendered.startsWith(baseName)
                        && HASH_SUFFIX
                                .matcher(rendered.substring(baseName.length()))
                                .matches();
    }
}
