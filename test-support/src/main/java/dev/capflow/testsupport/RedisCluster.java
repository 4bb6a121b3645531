package dev.capflow.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local Redis Cluster for one test run: {@code masters} masters, each with {@code replicasPerMaster} replicas, every
 * node a {@code redis-server --cluster-enabled yes} process on free loopback ports with its files in a temporary
 * directory, joined by {@code redis-cli --cluster create}. Needs Debian's redis-server and redis-tools (7.0 or later,
 * for {@code cluster-port}); nothing is persisted. {@link #close()} kills every node and deletes the directory.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);
    /** How long a master may be silent before its replica takes over (the cluster's failure detection). */
    public static final Duration NODE_TIMEOUT = Duration.ofMillis(1500);

    /** One node: its client port and its process. */
    public record Node(int port, Process process) {

        public String uri() {
            return "redis://127.0.0.1:" + port;
        }
    }

    private final Path dir;
    private final List<Node> nodes;

    private RedisCluster(Path dir, List<Node> nodes) {
        this.dir = dir;
        this.nodes = nodes;
    }

    /** Starts the nodes and joins them; returns once every node reports {@code cluster_state:ok}. */
    public static RedisCluster start(int masters, int replicasPerMaster) {
        Path dir;
        try {
            dir = Files.createTempDirectory("capflow-redis-cluster");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for the Redis Cluster", e);
        }
        List<Node> nodes = new ArrayList<>();
        RedisCluster cluster = new RedisCluster(dir, nodes);
        try {
            for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
                nodes.add(startNode(dir));
            }
            for (Node node : nodes) {
                cluster.awaitAnswer(node.port());
            }
            List<String> create = new ArrayList<>(List.of("--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
            cli(create);
            cluster.awaitState();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static Node startNode(Path dir) {
        int port = freePort();
        Path nodeDir = dir.resolve(Integer.toString(port));
        try {
            Files.createDirectories(nodeDir);
            Process process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--cluster-port",
                            Integer.toString(freePort()),
                            "--bind",
                            "127.0.0.1",
                            "--cluster-enabled",
                            "yes",
                            "--cluster-config-file",
                            "nodes.conf",
                            "--cluster-node-timeout",
                            Long.toString(NODE_TIMEOUT.toMillis()),
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            nodeDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(nodeDir.resolve("redis.log").toFile())
                    .start();
            return new Node(port, process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (Debian's redis-server package)", e);
        }
    }

    /** Every node, masters and replicas. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The nodes as a client's seed list: {@code redis://127.0.0.1:p1,redis://127.0.0.1:p2,...}. */
    public String hosts() {
        return nodes.stream().map(Node::uri).collect(Collectors.joining(","));
    }

    /** The node that serves {@code key}'s slot as master now. */
    public Node masterOf(String key) {
        String slot = command(nodes.get(0).port(), "CLUSTER", "KEYSLOT", key).trim();
        for (Node node : liveNodes()) {
            if (servesSlot(node, Integer.parseInt(slot))) {
                return node;
            }
        }
        throw new IllegalStateException("no live master serves slot " + slot);
    }

    /** The value of string {@code key}, read from its master ("" when there is none). */
    public String get(String key) {
        return command(masterOf(key).port(), "GET", key).trim();
    }

    private boolean servesSlot(Node node, int slot) {
        // a master's own line of CLUSTER NODES ends with its slot ranges; a replica's has none
        for (String line : command(node.port(), "CLUSTER", "NODES").split("\n")) {
            if (!line.contains("myself")) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Kills {@code node}'s process at once (SIGKILL), as a crashed machine would stop. */
    public void kill(Node node) {
        node.process().destroyForcibly();
        try {
            node.process().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every live node reports {@code cluster_state:ok} (after a failover too). */
    public void awaitState() {
        long deadline = System.nanoTime() + START.toNanos();
        while (!liveNodes().stream()
                .allMatch(node -> command(node.port(), "CLUSTER", "INFO").contains("cluster_state:ok"))) {
            pause(deadline, "cluster_state:ok");
        }
    }

    /** Waits until every replica has finished its first sync with its master. */
    public void awaitReplicasInSync() {
        long deadline = System.nanoTime() + START.toNanos();
        while (!liveNodes().stream()
                .map(node -> command(node.port(), "INFO", "replication"))
                .filter(info -> info.contains("role:slave"))
                .allMatch(
                        info -> info.contains("master_link_status:up") && info.contains("master_sync_in_progress:0"))) {
            pause(deadline, "replicas in sync");
        }
    }

    /** Sends one command to the node on {@code port} with redis-cli and answers its raw output. */
    public static String command(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return cli(command);
    }

    private List<Node> liveNodes() {
        return nodes.stream().filter(node -> node.process().isAlive()).toList();
    }

    private void awaitAnswer(int port) {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try {
                if (command(port, "PING").contains("PONG")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the server is still starting
            }
            pause(deadline, "redis-server on port " + port);
        }
    }

    private static String cli(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("redis-cli");
        command.addAll(args);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-cli (Debian's redis-tools package)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Redis Cluster: gave up waiting for " + what);
        }
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(this::kill);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
