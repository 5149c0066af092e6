package org.plantwin.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.twin.cluster.ClusterNode;
import org.plantwin.twin.cluster.ClusterSettings;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentRunner;
import org.plantwin.twin.experiment.RunExecutor;

/**
 * Replications per second of an experiment on library {@code flowline5} (100,000 min, 1,000 min warm-up, seed 42)
 * through {@link ExperimentRunner}: on local lanes ({@code local-1}, {@code local-2}: one runtime with 1 or 2 lanes)
 * and on a Pekko cluster of 1, 2 or 3 nodes in this JVM ({@code cluster-N}: N nodes of one lane each over Artery
 * TCP on 127.0.0.1, experiments submitted on the first). Each operation is one replication; an invocation is an
 * experiment of {@link #REPLICATIONS}. Baseline: {@code local-1}; {@code cluster-1} against it is the cost of the
 * cluster path (scenario JSON out, parse, result JSON back) for the same work, and {@code cluster-2} against
 * {@code local-2} the same with two lanes. Nodes in one JVM share its cores: this measures overhead and the
 * protocol, not the scaling of separate machines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ClusterReplicationsBenchmark {

    /** Replications per invocation: a multiple of every lane count measured. */
    static final int REPLICATIONS = 6;

    /** Where the runs execute. */
    @Param({"local-1", "local-2", "cluster-1", "cluster-2", "cluster-3"})
    public String executor;

    private SimulationRuntime runtime;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private RunExecutor runs;
    private Experiment experiment;

    @Setup(Level.Trial)
    public void setUp() {
        experiment = Experiment.of("bench", Scenarios.library("flowline5")).withSeed(42L).withHorizon("100000m")
                .withWarmup("1000m").withReplications(REPLICATIONS)
                .withKpis(List.of("plant.throughputPerHour", "plant.wipMean"));
        int n = Integer.parseInt(executor.substring(executor.indexOf('-') + 1));
        if (executor.startsWith("local")) {
            runtime = SimulationRuntime.create(n);
            runs = RunExecutor.local(runtime);
            return;
        }
        ClusterSettings one = ClusterSettings.defaults().withPort(0).withLanes(1);
        ClusterNode first = ClusterNode.start(one);
        nodes.add(first);
        for (int i = 1; i < n; i++) {
            nodes.add(ClusterNode.start(one.withSeedNodes(List.of(first.hostPort()))));
        }
        first.awaitMembersUp(n, Duration.ofSeconds(60));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (first.stats().workers() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + first.stats().workers() + " of " + n + " workers answered.");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        runs = first.executor();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (runtime != null) {
            runtime.close();
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    /** One experiment of {@link #REPLICATIONS} replications; returns the mean throughput so the result is used. */
    @Benchmark
    @OperationsPerInvocation(REPLICATIONS)
    public double replications() {
        return ExperimentRunner.run(experiment, runs, null).variants().get(0).summary("plant.throughputPerHour").mean();
    }
}
