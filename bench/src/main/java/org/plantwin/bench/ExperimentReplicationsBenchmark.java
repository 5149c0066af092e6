package org.plantwin.bench;

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
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentResult;
import org.plantwin.twin.experiment.ExperimentRunner;

/**
 * Replications per second of an experiment on library {@code flowline5} over one simulated year (525,600 min, 1,000
 * min warm-up) through {@link ExperimentRunner}, on 1 or 2 lanes (one run per lane at a time). Each operation is
 * one replication; an invocation is an experiment of {@link #REPLICATIONS} replications (seed 42), so the lanes
 * have work to share. The actor system is started once per trial. Baseline: {@code lanes = 1}; the scaling is the
 * ratio of the two scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ExperimentReplicationsBenchmark {

    /** Replications per invocation: a multiple of every lane count measured. */
    static final int REPLICATIONS = 4;

    /** Lanes of the runtime (parallel runs). */
    @Param({"1", "2"})
    public int lanes;

    private SimulationRuntime runtime;
    private Experiment experiment;

    @Setup(Level.Trial)
    public void setUp() {
        experiment = Experiment.of("year", Scenarios.library("flowline5")).withSeed(42L).withHorizon("525600m")
                .withWarmup("1000m").withReplications(REPLICATIONS)
                .withKpis(List.of("plant.throughputPerHour", "plant.wipMean"));
        runtime = SimulationRuntime.create(lanes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** One experiment of {@link #REPLICATIONS} replications; returns the mean throughput so the result is used. */
    @Benchmark
    @OperationsPerInvocation(REPLICATIONS)
    public double replications() {
        ExperimentResult r = ExperimentRunner.run(experiment, runtime, null);
        return r.variants().get(0).summary("plant.throughputPerHour").mean();
    }
}
