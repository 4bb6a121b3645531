package dev.capflow.devstack.redis;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Subcommand;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code probe-redis URL}: exits 0 when Redis at URL answers PING with PONG, else prints why. */
public final class ProbeRedisCommand implements Subcommand {

    @Override
    public String name() {
        return "probe-redis";
    }

    @Override
    public String usage() {
        return "probe-redis redis://HOST[:PORT]";
    }

    @Override
    public String summary() {
        return "exit 0 when Redis there answers PONG";
    }

    @Override
    public int run(List<String> args) throws Exception {
        RedisUrl url =
                RedisUrl.parse(Arguments.parse(args, 1, Set.of(), Set.of()).positional(0));
        new RedisPing(Duration.ofSeconds(3)).ping(url);
        return 0;
    }
}
