package org.plantwin.test;

/** Pekko settings the cluster tests share. */
final class ClusterTestConfig {

    private ClusterTestConfig() {
    }

    /** Faster gossip and failure detection than production, so membership changes fit a test's time. */
    static final String FAST = String.join("\n",
            "pekko.cluster.gossip-interval = 200ms",
            "pekko.cluster.leader-actions-interval = 200ms",
            "pekko.cluster.unreachable-nodes-reaper-interval = 250ms",
            "pekko.cluster.failure-detector.heartbeat-interval = 250ms",
            "pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s",
            "pekko.cluster.split-brain-resolver.stable-after = 3s",
            "pekko.cluster.typed.receptionist.distributed-data.gossip-interval = 200ms",
            "pekko.cluster.distributed-data.gossip-interval = 200ms",
            "pekko.coordinated-shutdown.phases.cluster-exiting.timeout = 3s",
            "pekko.coordinated-shutdown.phases.cluster-leave.timeout = 3s");

    /** A node that stops without leaving the cluster, as a crashed process would. */
    static final String CRASH = "pekko.coordinated-shutdown.run-by-actor-system-terminate = off";
}
