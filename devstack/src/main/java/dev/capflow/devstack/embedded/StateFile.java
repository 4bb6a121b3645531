package dev.capflow.devstack.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code KEY=VALUE} file that ./capflow reads with plain shell tools; written atomically, whole. */
public final class StateFile {

    private final Path path;

    public StateFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The entries, or an empty map when the file does not exist. */
    public Map<String, String> read() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return entries;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                entries.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
        }
        return entries;
    }

    /** Replaces the file, so a reader sees either the old or the new entries, never half of them. */
    public void write(Map<String, String> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        entries.forEach((key, value) -> {
            if (key.contains("=") || value.contains("\n")) {
                throw new IllegalArgumentException("state entry " + key + " cannot be written as KEY=VALUE");
            }
            text.append(key).append('=').append(value).append('\n');
        });
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
