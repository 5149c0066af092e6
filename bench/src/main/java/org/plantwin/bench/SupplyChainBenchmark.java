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
 * A whole run of the library scenario {@code supply-chain} (2 lines with raw-material stores, a warehouse, a
 * supplier, 12 customers, 4 trucks; 16 logical processes) for a simulated year on one lane. Score: runs per second
 * (the inverse is the wall time of a simulated year); auxiliary counters: kernel events, windows and customer
 * orders per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SupplyChainBenchmark {

    /** Simulated horizon in days. */
    @Param({"365"})
    public long horizonDays;

    private SimulationRuntime runtime;
    private Scenario scenario;
    private RunOptions options;

    /** Per-iteration counters that JMH divides by the measured time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long events;
        public long windows;
        public long orders;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
            windows = 0;
            orders = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        scenario = Scenarios.library("supply-chain");
        options = RunOptions.defaults().withHorizonMillis(horizonDays * 86_400_000L);
        runtime = SimulationRuntime.create(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** One complete run; returns the orders so the result is consumed. */
    @Benchmark
    public long run(Counters counters) {
        RunResult r = runtime.run(scenario, options);
        counters.events += r.kernel().events();
        counters.windows += r.kernel().windows();
        counters.orders += r.supplyChain().orders();
        return r.supplyChain().orders();
    }
}
