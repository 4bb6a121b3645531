package dev.capflow.devstack.http;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.UsageException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code wait-http URL TIMEOUT_SECONDS [--pid PID]}: polls URL until it answers 2xx (exit 0) or the time is up,
 * or the process PID has exited (exit 1, with the last answer). A timeout of 0 asks once.
 */
public final class WaitHttpCommand implements Subcommand {

    @Override
    public String name() {
        return "wait-http";
    }

    @Override
    public String usage() {
        return "wait-http URL TIMEOUT_SECONDS [--pid PID]";
    }

    @Override
    public String summary() {
        return "wait until URL answers 2xx (stop early if PID exits)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments arguments = Arguments.parse(args, 2, Set.of(), Set.of("--pid"));
        URI url = URI.create(arguments.positional(0));
        Duration timeout = Duration.ofSeconds(arguments.nonNegative(1, "TIMEOUT_SECONDS"));
        OptionalLong pid = arguments.option("--pid").isPresent()
                ? OptionalLong.of(
                        Arguments.nonNegative(arguments.option("--pid").get(), "PID"))
                : OptionalLong.empty();
        if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
            throw new UsageException("URL must be http:// or https://, got '" + url + "'");
        }
        Optional<String> answer = HealthProbe.await(
                url,
                timeout,
                () -> pid.isEmpty()
                        || ProcessHandle.of(pid.getAsLong())
                                .map(ProcessHandle::isAlive)
                                .orElse(false));
        answer.ifPresent(System.err::println);
        return answer.isEmpty() ? 0 : 1;
    }
}
