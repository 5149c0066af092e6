package org.plantwin.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * A whole run of the library scenario {@code flowline5} (the SimPy peer's model) on one lane, horizon as a
 * parameter. The score is runs per second; the auxiliary counters {@code parts} and {@code events} report parts out
 * of the plant per second and kernel events per second, the figures to compare with the peer.
 *
 * <p>The actor system is started once per trial, so its start-up is not measured; each operation is a fresh run
 * (new logical processes, seed 42).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FlowlineBenchmark {

    /** Simulated horizon in minutes. */
    @Param({"20000", "200000"})
    public long horizonMinutes;

    private SimulationRuntime runtime;
    private Scenario scenario;
    private RunOptions options;

    /** Per-iteration counters that JMH divides by the measured time: parts/s and events/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long parts;
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            parts = 0;
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        scenario = Scenarios.library("flowline5");
        options = RunOptions.defaults().withSeed(42).withHorizonMillis(horizonMinutes * 60_000L);
        runtime = SimulationRuntime.create(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** One complete run; returns the parts out so the result is consumed. */
    @Benchmark
    public long run(Counters counters) {
        RunResult r = runtime.run(scenario, options);
        counters.parts += r.plant().partsOut();
        counters.events += r.kernel().events();
        return r.plant().partsOut();
    }
}
