package dev.capflow.redis;

/**
 * Whether one command or pipeline may span keys of different hash slots: on one master (a standalone Redis, or the
 * master a sentinel or replication client writes to) it may; a Redis Cluster refuses it.
 */
public enum RedisTopology {
    SINGLE_MASTER,
    CLUSTER;

    /** From {@code quarkus.redis.client-type} (standalone, sentinel, replication or cluster). */
    public static RedisTopology ofClientType(String clientType) {
        return "cluster".equalsIgnoreCase(clientType) ? CLUSTER : SINGLE_MASTER;
    }
}
