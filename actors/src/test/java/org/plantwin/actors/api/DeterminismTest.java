package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** Same scenario, seed and version give byte-identical result JSON, whatever the lanes, neighbours and windows. */
class DeterminismTest {

    private static final long TWO_DAYS = TimeSpan.parse("2d").toMillis();

    @Test
    void resultJsonIsByteIdenticalAcrossLaneCountsAndRepeatedRuns() {
        Scenario demo = Scenarios.library("demo");
        RunOptions options = RunOptions.defaults().withHorizonMillis(TWO_DAYS);
        String alone;
        try (SimulationRuntime one = SimulationRuntime.create(1)) {
            alone = ResultJson.write(one.run(demo, options));
            assertThat(ResultJson.write(one.run(demo, options))).isEqualTo(alone);
        }
        try (SimulationRuntime four = SimulationRuntime.create(4)) {
            // The same run four times at once, beside other scenarios, on four lanes.
            List<CompletableFuture<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(four.start(demo, options).toCompletableFuture());
                runs.add(four.start(Scenarios.library("flowline5"), RunOptions.defaults().withHorizonMillis(TWO_DAYS))
                        .toCompletableFuture());
            }
            for (int i = 0; i < runs.size(); i += 2) {
                assertThat(ResultJson.write(runs.get(i).join())).isEqualTo(alone);
            }
        }
    }

    @Test
    void aReplayedTravelTraceAndItsRecordedHistoryAreByteIdenticalOnOneLaneAndFour() {
        Scenario s = Scenarios.library("supply-chain");
        List<Double> trace = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            trace.add(k % 3 == 0 ? 0.4 : 1.0 + 0.05 * k);
        }
        Scenario traced = s.withFleets(List.of(s.fleets().get(0).withTravelTrace(trace)));
        RunOptions options = RunOptions.defaults().withHorizonMillis(5 * TWO_DAYS).withHistory(TWO_DAYS / 2);
        String alone;
        try (SimulationRuntime one = SimulationRuntime.create(1)) {
            RunResult r = one.run(traced, options);
            assertThat(r.history().travel().get(0).factors().subList(0, 40)).containsExactlyElementsOf(trace);
            alone = ResultJson.write(r);
        }
        try (SimulationRuntime four = SimulationRuntime.create(4)) {
            List<CompletableFuture<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(four.start(traced, options).toCompletableFuture());
                runs.add(four.start(s, options).toCompletableFuture());
            }
            for (int i = 0; i < runs.size(); i += 2) {
                assertThat(ResultJson.write(runs.get(i).join())).isEqualTo(alone);
            }
            assertThat(ResultJson.write(runs.get(1).join())).isNotEqualTo(alone);
        }
    }

    @Test
    void resultDoesNotDependOnHowManyEventsAWindowMayHold() {
        Scenario demo = Scenarios.library("demo");
        RunOptions base = RunOptions.defaults().withHorizonMillis(TWO_DAYS);
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            RunResult big = rt.run(demo, base);
            RunResult small = rt.run(demo, base.withMaxEventsPerWindow(7));
            // KPIs equal; only the count of windows differs.
            assertThat(withoutKernel(small)).isEqualTo(withoutKernel(big));
            assertThat(small.kernel().windows()).isGreaterThan(big.kernel().windows());
            assertThat(small.kernel().events()).isEqualTo(big.kernel().events());
        }
    }

    @Test
    void differentSeedsAndReplicationsGiveDifferentResults() {
        Scenario flow = Scenarios.library("flowline5");
        RunOptions base = RunOptions.defaults().withHorizonMillis(TWO_DAYS);
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            String a = ResultJson.write(rt.run(flow, base));
            assertThat(ResultJson.write(rt.run(flow, base.withSeed(43)))).isNotEqualTo(a);
            assertThat(ResultJson.write(rt.run(flow, base.withReplication(1)))).isNotEqualTo(a);
        }
    }

    private static String withoutKernel(RunResult r) {
        return ResultJson.write(r.withoutKernelStats());
    }
}
