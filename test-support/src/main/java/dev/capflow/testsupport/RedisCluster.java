package dev.capflow.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local Redis Cluster for one test run: {@code masters} masters, each with {@code replicasPerMaster} replicas, every
 * node a {@code redis-server --cluster-enabled yes} process on free loopback ports with its files in a temporary
 * directory, joined by {@code redis-cli --cluster create}. A node's ports are picked below the kernel's ephemeral range,
 * so no outgoing connection can take one between the pick and the node's bind; a node that dies at its start anyway
 * (its port taken by some other process) is started again on new ports. Needs Debian's redis-server and redis-tools (7.0 or later,
 * for {@code cluster-port}); nothing is persisted. {@link #close()} kills every node and deletes the directory.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 5;
    /** Ports are picked here: above the well-known ones, below Linux's ephemeral range (32768 and up). */
    private static final int LOWEST_PORT = 20_000;

    private static final int HIGHEST_PORT = 32_000;
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
            Set<Integer> picked = new HashSet<>();
            for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
                nodes.add(startAnsweringNode(dir, picked));
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

    /** Starts a node and waits for its PONG; a node that died at its start is started again on other ports. */
    private static Node startAnsweringNode(Path dir, Set<Integer> picked) {
        for (int attempt = 1; ; attempt++) {
            Node node = startNode(dir, freePort(picked), freePort(picked));
            if (answers(node)) {
                return node;
            }
            if (attempt == START_ATTEMPTS) {
                throw new IllegalStateException(
                        "Redis Cluster: redis-server died at its start " + attempt + " times; the last log is "
                                + dir.resolve(Integer.toString(node.port())).resolve("redis.log"));
            }
        }
    }

    private static Node startNode(Path dir, int port, int busPort) {
        Path nodeDir = dir.resolve(Integer.toString(port));
        try {
            Files.createDirectories(nodeDir);
            Process process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--cluster-port",
                            Integer.toString(busPort),
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

    /** Whether {@code node} answers PING before the deadline; false as soon as its process has died. */
    private static boolean answers(Node node) {
        long deadline = System.nanoTime() + START.toNanos();
        while (node.process().isAlive()) {
            try {
                if (command(node.port(), "PING").contains("PONG")) {
                    return true;
                }
            } catch (IllegalStateException notYet) {
                // the server is still starting
            }
            pause(deadline, "redis-server on port " + node.port());
        }
        return false;
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

    /** A loopback port no other node of this cluster was given and nothing listens on now. */
    private static int freePort(Set<Integer> picked) {
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
            if (picked.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                picked.add(port);
                return port;
            } catch (IOException taken) {
                // another process listens there: pick again
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOWEST_PORT + " and " + HIGHEST_PORT);
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
