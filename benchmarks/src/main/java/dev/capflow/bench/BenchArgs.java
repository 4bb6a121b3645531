package dev.capflow.bench;

import java.util.HashMap;
import java.util.Map;

/** Command-line options of the tick benchmark, {@code --name value} pairs with defaults. */
record BenchArgs(
        String grpcTarget,
        String jdbcUrl,
        String user,
        String password,
        int ticks,
        int warmUpTicks,
        int batchSize,
        int inFlight,
        int symbols,
        String token) {

    static BenchArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchArgs(
                values.getOrDefault("grpc", "127.0.0.1:9081"),
                values.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/capflow"),
                values.getOrDefault("user", "postgres"),
                values.getOrDefault("password", ""),
                Integer.parseInt(values.getOrDefault("ticks", "1000000")),
                Integer.parseInt(values.getOrDefault("warm-up-ticks", "0")),
                Integer.parseInt(values.getOrDefault("batch", "5000")),
                Integer.parseInt(values.getOrDefault("in-flight", "4")),
                Integer.parseInt(values.getOrDefault("symbols", "50")),
                required(values, "token"));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
