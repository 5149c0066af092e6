package org.plantwin.bench;

import java.util.Locale;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * Runs one library scenario over and over on one lane and prints each run's wall time: a steady load to attach a
 * sampling profiler to (JFR, see README.md), without JMH's forks in the way.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=flowline.jfr,settings=profile -cp bench/target/benchmarks.jar \
 *     org.plantwin.bench.FlowlineLoop [scenario=flowline5] [horizonMinutes=200000] [runs=10]
 * </pre>
 */
public final class FlowlineLoop {

    private FlowlineLoop() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "flowline5";
        long horizonMinutes = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Scenario s = Scenarios.library(name);
        RunOptions o = RunOptions.defaults().withSeed(42).withHorizonMillis(horizonMinutes * 60_000L);
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                RunResult r = runtime.run(s, o);
                double wall = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %.3f s, %d parts (%.0f parts/s), %d events (%.0f events/s)%n",
                        i, wall, r.plant().partsOut(), r.plant().partsOut() / wall, r.kernel().events(),
                        r.kernel().events() / wall);
            }
        }
    }
}
