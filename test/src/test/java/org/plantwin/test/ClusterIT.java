package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.twin.cluster.ClusterNode;
import org.plantwin.twin.cluster.ClusterRunner;
import org.plantwin.twin.cluster.ClusterSettings;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentCsv;
import org.plantwin.twin.experiment.ExperimentJson;
import org.plantwin.twin.experiment.ExperimentProgress;
import org.plantwin.twin.experiment.ExperimentResult;
import org.plantwin.twin.experiment.ExperimentRunner;

/**
 * Real cluster nodes in one JVM over 127.0.0.1 (Artery TCP, free ports): an experiment spread over three nodes gives
 * the same bytes as on one node, also when a worker node dies midway or a node joins midway.
 */
class ClusterIT {

    private static final String FAST = ClusterTestConfig.FAST;
    private static final String CRASH = ClusterTestConfig.CRASH;

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Experiment sixty;
    private static String sixtyJson;
    private static String sixtyCsv;

    private final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeAll
    static void referenceOnOneNode() {
        sixty = experiment("2000m", 60);
        ExperimentResult r = ExperimentRunner.run(sixty, 1, null);
        sixtyJson = ExperimentJson.write(r);
        sixtyCsv = ExperimentCsv.summary(r) + ExperimentCsv.replications(r);
    }

    @AfterEach
    void closeNodes() {
        // In parallel: a graceful leave waits for the others to see it.
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::close))
                .toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static Experiment experiment(String horizon, int replications) {
        return Experiment.of("cluster", Scenarios.library("flowline5")).withReplications(replications)
                .withHorizon(horizon);
    }

    private ClusterNode node(String extra, List<String> seeds) {
        ClusterNode n = ClusterNode.start(ClusterSettings.defaults().withPort(0).withLanes(1).withSeedNodes(seeds)
                .withExtraConfig(FAST + "\n" + extra));
        nodes.add(n);
        return n;
    }

    private static void assertSameAsOneNode(ExperimentResult r, String json, String csv) {
        assertThat(ExperimentJson.write(r)).isEqualTo(json);
        assertThat(ExperimentCsv.summary(r) + ExperimentCsv.replications(r)).isEqualTo(csv);
    }

    @Test
    void threeNodesGiveTheSameBytesAsOneNode() {
        ClusterNode first = node("", List.of());
        node("", List.of(first.hostPort()));
        node("", List.of(first.hostPort()));
        first.awaitMembersUp(3, WAIT);
        awaitWorkers(first, 3);

        ExperimentResult r = ExperimentRunner.run(sixty, first.executor(), null);

        assertSameAsOneNode(r, sixtyJson, sixtyCsv);
        ClusterRunner.Stats s = first.stats();
        assertThat(s.completed()).isEqualTo(60);
        assertThat(s.duplicates()).isZero();
        assertThat(s.completedByNode()).hasSize(3);
        assertThat(s.completedByNode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
    }

    @Test
    void aKilledWorkerNodesRunsAreRunElsewhere() {
        ClusterNode first = node("", List.of());
        node("", List.of(first.hostPort()));
        ClusterNode victim = node(CRASH, List.of(first.hostPort()));
        first.awaitMembersUp(3, WAIT);
        awaitWorkers(first, 3);
        String victimAt = victim.hostPort();
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Void> kill = new CompletableFuture<>();
        Consumer<ExperimentProgress> killAfterTen = p -> {
            if (p.completedRuns() >= 10 && killed.compareAndSet(false, true)) {
                // Not on the actor thread that reports progress.
                CompletableFuture.runAsync(victim::close).whenComplete((v, e) -> kill.complete(null));
            }
        };

        ExperimentResult r = ExperimentRunner.run(sixty, first.executor(), killAfterTen);

        kill.orTimeout(30, TimeUnit.SECONDS).join();
        nodes.remove(victim);
        assertSameAsOneNode(r, sixtyJson, sixtyCsv);
        ClusterRunner.Stats s = first.stats();
        // Every run answered once: 60 results counted, none twice (a late copy would be dropped as a duplicate).
        assertThat(s.completed()).isEqualTo(60);
        assertThat(s.completedByNode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
        assertThat(s.requeued()).as("runs in flight on the killed node, run again elsewhere").isPositive();
        assertThat(s.completedByNode().getOrDefault(victimAt, 0L)).isLessThan(60);
    }

    @Test
    void aNodeJoiningMidExperimentPicksUpWork() {
        Experiment e = experiment("20000m", 60);
        ExperimentResult reference = ExperimentRunner.run(e, 2, null);
        String json = ExperimentJson.write(reference);
        String csv = ExperimentCsv.summary(reference) + ExperimentCsv.replications(reference);
        ClusterNode first = node("", List.of());
        first.awaitMembersUp(1, WAIT);
        awaitWorkers(first, 1);
        AtomicBoolean joined = new AtomicBoolean();
        List<String> late = new ArrayList<>();
        Consumer<ExperimentProgress> joinAfterFirst = p -> {
            if (joined.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> {
                    ClusterNode n = node("", List.of(first.hostPort()));
                    synchronized (late) {
                        late.add(n.hostPort());
                    }
                });
            }
        };

        ExperimentResult r = ExperimentRunner.run(e, first.executor(), joinAfterFirst);

        assertSameAsOneNode(r, json, csv);
        ClusterRunner.Stats s = first.stats();
        assertThat(s.completed()).isEqualTo(60);
        synchronized (late) {
            assertThat(late).hasSize(1);
            assertThat(s.completedByNode().getOrDefault(late.get(0), 0L)).as("runs done by the node that joined")
                    .isPositive();
        }
    }

    /** Polls the coordinator until {@code n} workers answered (bounded, no fixed sleep). */
    private static void awaitWorkers(ClusterNode node, int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (node.stats().workers() < n) {
            assertThat(System.nanoTime()).as("%d workers within %s", n, WAIT).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
