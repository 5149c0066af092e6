package org.plantwin.learning.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.ReplenishmentPolicy;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

class ForecastReplenishmentTest {

    private static final double[] WEEK = {120, 120, 120, 120, 120, 60, 40};

    /** A weekly pattern repeated, with a small deterministic wiggle. */
    private static double[] demand(int days) {
        double[] d = new double[days];
        for (int i = 0; i < days; i++) {
            d[i] = WEEK[i % 7] + ((i * 37) % 11 - 5);
        }
        return d;
    }

    private static ReplenishmentPolicy.View view(double[] history, long onHand) {
        return new ReplenishmentPolicy.View(history.length * 86_400_000L, "FG", "A", onHand, 0, 0, history);
    }

    @Test
    void ordersUpToTheSeasonalForecastOverTheProtectionInterval() {
        ForecastReplenishment p = ForecastReplenishment.create(ForecastReplenishment.Settings.daily());
        double[] all = demand(70);
        for (int n = 0; n <= 63; n++) {
            p.order(view(Arrays.copyOf(all, n), 100));
        }
        ForecastReplenishment.Decision d = p.lastDecision();
        // Day 63 is a Monday-like day (63 % 7 == 0): the 1.5-day protection demand is about 120 + 0.5 * 120.
        assertThat(d.protectionDemand()).isCloseTo(180, within(15.0));
        assertThat(d.safetyStock()).isBetween(-5.0, 20.0);
        assertThat(d.order()).isEqualTo((long) Math.ceil(d.orderUpTo() - 100));
        ForecastReplenishment.Decision weekend;
        p.order(view(Arrays.copyOf(all, 68), 100)); // day 68 % 7 == 5: the weekend
        weekend = p.lastDecision();
        assertThat(weekend.protectionDemand()).isLessThan(d.protectionDemand() - 50);
    }

    @Test
    void refitsAtReviewCountsOnly() {
        ForecastReplenishment p = ForecastReplenishment.create(ForecastReplenishment.Settings.daily()
                .withRetrainEvery(10));
        double[] all = demand(60);
        for (int n = 0; n < 60; n++) {
            p.order(view(Arrays.copyOf(all, n), 0));
        }
        // The forecaster is used from review 21 (21 days of history): fits at reviews 21, 31, 41, 51.
        assertThat(p.fits()).isEqualTo(4);
    }

    @Test
    void isDeterministicAndOrdersNothingWithoutHistory() {
        double[] all = demand(40);
        long[] a = new long[40];
        long[] b = new long[40];
        for (long[] out : new long[][] {a, b}) {
            ForecastReplenishment p = ForecastReplenishment.create(ForecastReplenishment.Settings.daily()
                    .withModel("damped"));
            for (int n = 0; n < 40; n++) {
                out[n] = p.order(view(Arrays.copyOf(all, n), 50));
            }
        }
        assertThat(a).isEqualTo(b);
        assertThat(a[0]).isZero();
    }

    @Test
    void runsInsideTheTwinInPlaceOfTheScenariosPolicy() {
        Scenario supplyChain = Scenarios.library("supply-chain");
        long days30 = TimeSpan.parse("30d").toMillis();
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            RunResult[] results = new RunResult[2];
            for (int i = 0; i < 2; i++) {
                ForecastReplenishment a = ForecastReplenishment.create(ForecastReplenishment.Settings.daily());
                results[i] = runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(days30)
                        .withReplication(3).withReplenishmentPolicy("FG", "A", a));
                assertThat(a.fits()).isPositive();
            }
            RunResult.InventoryKpis inv = results[0].inventory().get(0);
            assertThat(inv.product()).isEqualTo("A");
            assertThat(inv.policy()).startsWith("plugged-in");
            assertThat(inv.unitFillRate()).isGreaterThan(0.8);
            assertThat(results[1].inventory()).isEqualTo(results[0].inventory());
        }
    }
}
