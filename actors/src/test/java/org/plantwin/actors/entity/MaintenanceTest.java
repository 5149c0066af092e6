package org.plantwin.actors.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.MaintenancePolicy;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/** Wear, failures driven by health, and the built-in and plugged maintenance policies. */
class MaintenanceTest {

    /** One always-busy machine (the source never lets it wait) that wears as the scenario's text says. */
    private static Scenario oneMachine(String degradation, String maintenance) {
        return Scenarios.parse("""
                name: wear
                seed: 7
                horizon: 400d
                products: [{id: part, routing: [L1]}]
                machines:
                  - id: M1
                    processTime: 6m
                    degradation: %s
                    maintenance: %s
                lines: [{id: L1, stations: [{id: S1, machines: [M1], buffer: 1}]}]
                sources: [{id: in, product: part, interarrival: 1s, blocking: true}]
                sinks: [{id: out}]
                """.formatted(degradation, maintenance), "wear");
    }

    private static RunResult run(Scenario s, RunOptions options) {
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            return rt.run(s, options);
        }
    }

    private static double busyHours(RunResult r) {
        return r.machines().get(0).stateFractions().get("busy") * r.observedMinutes() / 60;
    }

    @Test
    void runToFailureFailuresFollowTheHazard() {
        // Hazard 0.02 per operating hour once worn at all (shape ~0 makes it flat); wear too slow to reach 0.
        Scenario s = oneMachine("{wearPerHour: 0.00001, wearCv: 0, hazardPerHour: 0.02, hazardShape: 0.000001,"
                + " repair: 5h}", "{policy: runToFailure, repairCost: 100}");

        RunResult r = run(s, RunOptions.defaults());

        RunResult.MaintenanceKpis m = r.maintenance().get(0);
        double expected = 0.02 * busyHours(r);
        // Poisson count: within 4 standard deviations of the hazard times the operating time.
        assertThat((double) m.failures()).isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
        assertThat(m.preventive()).isZero();
        assertThat(m.repairCost()).isEqualTo(100.0 * m.failures());
        assertThat(m.downMinutes()).isCloseTo(5 * 60.0 * m.failures(), org.assertj.core.data.Offset.offset(5 * 60.0));
        assertThat(r.machines().get(0).availability()).isLessThan(1.0);
    }

    @Test
    void deterministicWearFailsWhenHealthIsUsedUp() {
        // 1 % per hour, no noise, no hazard: each life is 100 operating hours (to the end of the part then running).
        Scenario s = oneMachine("{wearPerHour: 0.01, wearCv: 0, repair: 10h}", "{policy: runToFailure}");

        RunResult r = run(s, RunOptions.defaults());

        long lives = Math.round(busyHours(r) / 100.0);
        assertThat(r.maintenance().get(0).failures()).isBetween(lives - 1, lives + 1);
    }

    @Test
    void aWornMachineRunsSlowerAsItsHealthFalls() {
        // 1 % per hour, no noise: health falls linearly over a 100-hour life, so with slowdownAtFailure 1 a cycle at
        // operating hour t takes 6 min x (1 + t/100) and a life makes 1000 ln 2 = 693 parts instead of 1000.
        RunResult plain = run(oneMachine("{wearPerHour: 0.01, wearCv: 0, repair: 10h}", "{policy: runToFailure}"),
                RunOptions.defaults());
        RunResult slow = run(oneMachine("{wearPerHour: 0.01, wearCv: 0, repair: 10h, slowdownAtFailure: 1}",
                "{policy: runToFailure}"), RunOptions.defaults());

        RunResult.MachineKpis p = plain.machines().get(0);
        RunResult.MachineKpis s = slow.machines().get(0);
        assertThat((double) s.processed() / p.processed()).isBetween(0.67, 0.72);
        assertThat(s.performance()).isBetween(0.67, 0.72);
        assertThat(p.performance()).isGreaterThan(0.99);
        assertThat(slow.maintenance().get(0).failures()).isEqualTo(plain.maintenance().get(0).failures());
    }

    @Test
    void aWornMachineScrapsMoreAsItsHealthFalls() {
        // Scrap probability 1 - health at the end of each cycle; health falls linearly, parts are spread evenly over
        // the life, so about half are scrapped.
        RunResult r = run(oneMachine("{wearPerHour: 0.01, wearCv: 0, repair: 10h, scrapAtFailure: 1}",
                "{policy: runToFailure}"), RunOptions.defaults());

        RunResult.MachineKpis m = r.machines().get(0);
        double share = (double) m.scrapped() / m.processed();
        assertThat(share).isBetween(0.47, 0.53);
        assertThat(m.quality()).isCloseTo(1 - share, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fixedIntervalMaintainsAfterEachIntervalOfOperation() {
        Scenario s = oneMachine("{wearPerHour: 0.001, wearCv: 0, repair: 10h}",
                "{policy: fixedInterval, interval: 30h, duration: 2h, cost: 50}");

        RunResult r = run(s, RunOptions.defaults());

        RunResult.MaintenanceKpis m = r.maintenance().get(0);
        assertThat(m.failures()).isZero();
        // 30 h of work is 300 parts of 6 minutes: a maintenance after every 300th part.
        assertThat(m.preventive()).isEqualTo(r.machines().get(0).processed() / 300);
        assertThat(m.maintenanceMinutes()).isCloseTo(120.0 * m.preventive(), org.assertj.core.data.Offset.offset(120.0));
        assertThat(m.preventiveCost()).isEqualTo(50.0 * m.preventive());
        assertThat(r.machines().get(0).stateFractions().get("maintenance")).isPositive();
    }

    @Test
    void trendPredictiveFailsLessThanRunToFailure() {
        String wear = "{wearPerHour: 0.01, wearCv: 0.3, rateCv: 0.3, hazardPerHour: 0.02, hazardShape: 6, repair: 8h,"
                + " sensors: [{id: vib, atNew: 1, atFailure: 5, noise: 0.2}]}";
        RunResult toFailure = run(oneMachine(wear, "{policy: runToFailure}"), RunOptions.defaults());
        RunResult predictive = run(oneMachine(wear, "{policy: predictive, threshold: 10h, duration: 2h}"),
                RunOptions.defaults());

        assertThat(predictive.maintenance().get(0).preventive()).isPositive();
        assertThat(predictive.maintenance().get(0).failures())
                .isLessThan(toFailure.maintenance().get(0).failures() / 2);
    }

    @Test
    void aPluggedPolicySeesReadingsAndLivesEnd() {
        String wear = "{wearPerHour: 0.02, wearCv: 1, repair: 8h, sensors: [{id: vib, atNew: 0, atFailure: 1}]}";
        int[] ended = new int[2];
        MaintenancePolicy recorder = new MaintenancePolicy() {
            @Override
            public int window() {
                return 5;
            }

            @Override
            public boolean maintainNow(View view) {
                assertThat(view.readings().length).isBetween(1, 5);
                // No noise: the reading is the wear.
                assertThat(view.readings()[view.readings().length - 1][0]).isBetween(0.0, 1.0);
                return false;
            }

            @Override
            public void lifeEnded(long nowMillis, double operatingHours, boolean failed) {
                ended[failed ? 0 : 1]++;
            }
        };
        RunResult r = run(oneMachine(wear, "{policy: fixedInterval, interval: 1000h, duration: 1h}"),
                RunOptions.defaults().withHorizonMillis(40L * 24 * 3_600_000).withMaintenancePolicy("M1", recorder));

        assertThat(r.maintenance().get(0).policy()).isEqualTo("custom");
        assertThat(ended[0]).isEqualTo(r.maintenance().get(0).failures()).isPositive();
        assertThat(ended[1]).isZero();
    }

    @Test
    void injectedSensorFaultsDriftStickAndSpikeOnlyWhileActive() {
        // No noise and steady wear: a healthy reading is 0.001 x operating hours; faults change it.
        String wear = "{wearPerHour: 0.001, wearCv: 0, repair: 1h, sensors: ["
                + "{id: drift, atNew: 0, atFailure: 1, faults: [{type: drift, start: 10h, duration: 5h, magnitude: 2}]},"
                + "{id: stuck, atNew: 0, atFailure: 1, faults: [{type: stuck, start: 20h, duration: 5h}]},"
                + "{id: spike, atNew: 0, atFailure: 1, faults: [{type: spike, start: 30h, duration: 5h, magnitude: 9,"
                + " rate: 0.5}]}]}";
        java.util.List<double[]> seen = new java.util.ArrayList<>();
        MaintenancePolicy recorder = view -> {
            double[] r = view.readings()[0];
            seen.add(new double[] {view.nowMillis() / 3_600_000.0, r[0], r[1], r[2], 0.001 * view.operatingHours()});
            return false;
        };
        run(oneMachine(wear, "{policy: runToFailure}"),
                RunOptions.defaults().withHorizonMillis(40L * 3_600_000).withMaintenancePolicy("M1", recorder));

        int spikes = 0;
        int inSpikeWindow = 0;
        double stuckValue = Double.NaN;
        for (double[] x : seen) {
            double hour = x[0];
            double healthy = x[4];
            boolean drift = hour >= 10 && hour < 15;
            assertThat(x[1]).isCloseTo(healthy + (drift ? 2 * (hour - 10) : 0), org.assertj.core.data.Offset.offset(1e-9));
            if (hour >= 20 && hour < 25) {
                stuckValue = Double.isNaN(stuckValue) ? x[2] : stuckValue;
                assertThat(x[2]).isEqualTo(stuckValue);
            } else {
                assertThat(x[2]).isCloseTo(healthy, org.assertj.core.data.Offset.offset(1e-9));
            }
            if (hour >= 30 && hour < 35) {
                inSpikeWindow++;
                spikes += x[3] > healthy + 1 ? 1 : 0;
            } else {
                assertThat(x[3]).isCloseTo(healthy, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(stuckValue).isLessThan(0.001 * 20 + 1e-9);
        assertThat((double) spikes / inSpikeWindow).isBetween(0.3, 0.7);
    }

    @Test
    void rejectsAPolicyForAMachineWithoutMaintenance() {
        Scenario s = Scenarios.library("flowline5");

        assertThatThrownBy(() -> run(s, RunOptions.defaults().withMaintenancePolicy("M1", v -> true)))
                .hasMessageContaining("(M1)");
    }

    @Test
    void maintenanceScenarioIsByteIdenticalOnOneAndThreeLanes() {
        Scenario s = Scenarios.library("maintenance");
        RunOptions o = RunOptions.defaults().withHorizonMillis(20L * 24 * 3_600_000);
        String one;
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            one = ResultJson.write(rt.run(s, o));
        }
        try (SimulationRuntime rt = SimulationRuntime.create(3)) {
            var a = rt.start(s, o).toCompletableFuture();
            var b = rt.start(Scenarios.library("flowline5"), o).toCompletableFuture();
            var c = rt.start(s, o).toCompletableFuture();
            assertThat(ResultJson.write(a.join())).isEqualTo(one);
            assertThat(ResultJson.write(c.join())).isEqualTo(one);
            b.join();
        }
        assertThat(one).contains("\"maintenanceSummary\"");
    }
}
