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
 * The cost of the conservative-window protocol on a re-entrant flow: three machine groups (each one machine with
 * flowline5's processing and failure times), every part visits G1, G2, G3, G1, G2, G3, so messages go round a cycle
 * of logical processes and no LP may run ahead of the others by more than the lookahead. The transfer time between
 * resources is that lookahead: with {@code 0s} every hand-over is a zero-delay delta round at one instant, with
 * {@code 6s} or {@code 60s} a window spans that much simulated time. Counters report kernel events/s, windows/s and
 * parts/s; compare them with {@link FlowlineBenchmark}, where one LP owns the whole line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelWindowBenchmark {

    /** Transfer time between resources (the lookahead), in scenario units. */
    @Param({"0s", "6s", "60s"})
    public String transfer;

    /** Simulated horizon in minutes. */
    @Param({"20000"})
    public long horizonMinutes;

    private SimulationRuntime runtime;
    private Scenario scenario;
    private RunOptions options;

    /** Per-iteration counters that JMH divides by the measured time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long parts;
        public long events;
        public long windows;

        @Setup(Level.Iteration)
        public void reset() {
            parts = 0;
            events = 0;
            windows = 0;
        }
    }

    /** Three single-machine groups visited twice each; arrivals every 2 min on average (utilisation about 0.85). */
    static String scenarioYaml(String transfer) {
        StringBuilder y = new StringBuilder();
        y.append("name: reentrant3\nseed: 42\nhorizon: 20000m\ntransferTime: ").append(transfer).append('\n');
        y.append("products:\n  - id: part\n    routing: [G1, G2, G3, G1, G2, G3]\nmachines:\n");
        String[] means = {"0.80m", "0.85m", "0.80m"};
        for (int i = 0; i < 3; i++) {
            y.append("  - {id: M").append(i + 1).append(", processTime: {type: exponential, mean: ").append(means[i])
                    .append("}, failures: [{basis: operating, timeBetween: {type: exponential, mean: 100m},")
                    .append(" repair: {type: exponential, mean: 5m}}]}\n");
        }
        y.append("machineGroups:\n");
        for (int i = 0; i < 3; i++) {
            y.append("  - {id: G").append(i + 1).append(", machines: [M").append(i + 1).append("]}\n");
        }
        y.append("sources:\n  - {id: source, product: part, interarrival: {type: exponential, mean: 2m}}\n");
        y.append("sinks:\n  - id: out\n");
        return y.toString();
    }

    @Setup(Level.Trial)
    public void setUp() {
        scenario = Scenarios.parse(scenarioYaml(transfer), "reentrant3-" + transfer);
        options = RunOptions.defaults().withSeed(42).withHorizonMillis(horizonMinutes * 60_000L);
        runtime = SimulationRuntime.create(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** One complete run; returns the kernel's event count so the result is consumed. */
    @Benchmark
    public long run(Counters counters) {
        RunResult r = runtime.run(scenario, options);
        counters.parts += r.plant().partsOut();
        counters.events += r.kernel().events();
        counters.windows += r.kernel().windows();
        return r.kernel().events();
    }
}
