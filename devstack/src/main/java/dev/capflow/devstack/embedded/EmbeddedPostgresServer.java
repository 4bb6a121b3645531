package dev.capflow.devstack.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * PostgreSQL from the zonky binary jars, with its data kept in {@code home/data} across restarts. As root
 * the library runs the server through {@code unshare -U} (PostgreSQL refuses to run as root).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser initdb creates; it logs in without a password over loopback (trust). */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Initializes the data directory when it is new and starts the server on {@code preferredPort} or a free one. */
    public static EmbeddedPostgresServer start(Path home, int preferredPort) throws IOException {
        Path data = home.resolve("data");
        refuseWhenStillRunning(data);
        Files.createDirectories(home);
        File log = home.resolve("postgres.log").toFile();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(home.resolve("binaries").toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The library tunes for throwaway test databases; this data is kept, so keep it crash-safe.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPort(FreePort.pick(preferredPort))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log))
                .setErrorRedirector(Redirect.appendTo(log))
                .start();
        return new EmbeddedPostgresServer(postgres, data);
    }

    /** A postmaster of an earlier run that outlived its launcher still holds the data directory. */
    private static void refuseWhenStillRunning(Path data) throws IOException {
        OptionalLong pid = postmasterPid(data);
        if (pid.isPresent()
                && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IOException("PostgreSQL of an earlier run (pid " + pid.getAsLong() + ") still uses " + data
                    + "; stop it first (./capflow down)");
        }
    }

    /** The postmaster's pid from the first line of {@code postmaster.pid}, when there is one. */
    private static OptionalLong postmasterPid(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid, so ./capflow can stop it even if this launcher was killed. */
    OptionalLong pid() throws IOException {
        return postmasterPid(dataDirectory);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
