package org.plantwin.actors.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * A continuous-review (s,S) warehouse with Poisson unit demand, a constant supplier lead time and full
 * backordering against its closed form: the inventory position is uniform on {s+1..S}, net inventory is the
 * position a lead time ago minus the lead-time demand D ~ Poisson(lambda L). Then the fill rate (demand served
 * from stock on arrival, by PASTA) is mean_y P(D <= y-1), and the mean on-hand stock is mean_y E[(y - D)^+].
 */
class InventoryTheoryTest {

    static final double LAMBDA_PER_DAY = 2.0;
    static final double LEAD_DAYS = 2.0;
    static final int S_LOW = 4;
    static final int S_HIGH = 10;

    static Scenario scenario() {
        return warehouseWithDemand("");
    }

    /** One (s,S) warehouse, its supplier and one customer with Poisson unit demand; {@code extra} adds demand fields. */
    static Scenario warehouseWithDemand(String extra) {
        return Scenarios.parse("""
                name: sS-theory
                seed: 11
                horizon: 3000d
                warmup: 100d
                products:
                  - {id: P, routing: []}
                sites:
                  - {id: dc, x: 0, y: 0}
                  - {id: shop, x: 60, y: 0}
                  - {id: vendor, x: 0, y: 100}
                travel: {speedKmPerHour: 60}
                warehouses:
                  - id: DC
                    site: dc
                    stock:
                      - {product: P, initial: 10, policy: {type: sS, reorderPoint: %d, orderUpTo: %d}, replenishFrom: V}
                suppliers:
                  - {id: V, site: vendor, leadTime: %s}
                customers:
                  - id: C
                    site: shop
                    warehouse: DC
                    quotedLeadTime: 1d
                    demand:
                      - {product: P, interarrival: {type: exponential, mean: %s}%s}
                """.formatted(S_LOW, S_HIGH, "\"" + LEAD_DAYS + "d\"", "\"" + (24 / LAMBDA_PER_DAY) + "h\"",
                extra.isEmpty() ? "" : ", " + extra), "sS-theory");
    }

    static double poisson(int k, double mean) {
        double p = Math.exp(-mean);
        for (int i = 1; i <= k; i++) {
            p *= mean / i;
        }
        return p;
    }

    @Test
    void demandFromACsvSeriesPlacesOneOrderPerNonEmptyPeriod() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(getClass().getResource("/testdata/demand-series.csv").toURI())
                .getParent();
        String yaml = """
                name: series
                horizon: 10d
                products:
                  - {id: P, routing: []}
                sites:
                  - {id: dc, x: 0, y: 0}
                  - {id: shop, x: 60, y: 0}
                  - {id: vendor, x: 0, y: 100}
                warehouses:
                  - id: DC
                    site: dc
                    stock:
                      - {product: P, initial: 100, policy: {type: sS, reorderPoint: 10, orderUpTo: 100}, replenishFrom: V}
                suppliers:
                  - {id: V, site: vendor, leadTime: 1d}
                customers:
                  - id: C
                    site: shop
                    warehouse: DC
                    quotedLeadTime: 1d
                    demand:
                      - {product: P, series: {file: demand-series.csv, period: 1d}}
                """;
        Scenario s = Scenarios.parse(yaml, "series", dir);
        assertThat(s.customers().get(0).demand().get(0).series().values()).containsExactly(5.0, 0.0, 3.0, 7.0, 0.0, 2.0);
        RunResult r;
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            r = rt.run(s, RunOptions.defaults());
        }
        assertThat(r.customers().get(0).orders()).isEqualTo(4);
        assertThat(r.customers().get(0).units()).isEqualTo(17);
        assertThat(r.customers().get(0).completed()).isEqualTo(4);
        // A missing file is a problem at the series' path, not an exception from deep inside.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenarios.parse(yaml.replace("demand-series.csv",
                "nope.csv"), "series", dir)).hasMessageContaining("$.customers[0].demand[0].series.file")
                .hasMessageContaining("nope.csv");
    }

    @Test
    void demandScaleAndHourlyFactorsShapeTheOrderRate() {
        RunResult plain;
        RunResult scaled;
        RunResult halfDay;
        try (SimulationRuntime rt = SimulationRuntime.create(1)) {
            plain = rt.run(scenario(), RunOptions.defaults());
            scaled = rt.run(warehouseWithDemand("scale: 1.5"), RunOptions.defaults());
            // Factor 1 for hours 0-11 and 0 for hours 12-23: half the orders (max factor 1, still thinned).
            halfDay = rt.run(warehouseWithDemand("hourly: [1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0]"),
                    RunOptions.defaults());
        }
        double p = plain.customers().get(0).orders();
        assertThat(scaled.customers().get(0).orders() / p).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(halfDay.customers().get(0).orders() / p).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void sSFillRateAndMeanOnHandMatchClosedFormWithinConfidenceInterval() {
        double m = LAMBDA_PER_DAY * LEAD_DAYS;
        double fill = 0;
        double onHand = 0;
        for (int y = S_LOW + 1; y <= S_HIGH; y++) {
            double cdf = 0;
            for (int d = 0; d <= y - 1; d++) {
                cdf += poisson(d, m);
            }
            fill += cdf;
            for (int d = 0; d < y; d++) {
                onHand += (y - d) * poisson(d, m);
            }
        }
        fill /= S_HIGH - S_LOW;
        onHand /= S_HIGH - S_LOW;

        int n = 12;
        double[] fills = new double[n];
        double[] stocks = new double[n];
        try (SimulationRuntime rt = SimulationRuntime.create(2)) {
            List<CompletableFuture<RunResult>> runs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                runs.add(rt.start(scenario(), RunOptions.defaults().withReplication(k)).toCompletableFuture());
            }
            for (int k = 0; k < n; k++) {
                RunResult.InventoryKpis inv = runs.get(k).join().inventory().get(0);
                fills[k] = inv.unitFillRate();
                stocks[k] = inv.onHandMean();
            }
        }
        assertWithinConfidenceInterval("fill rate", fills, fill);
        assertWithinConfidenceInterval("mean on hand", stocks, onHand);
    }

    static void assertWithinConfidenceInterval(String what, double[] x, double theory) {
        int n = x.length;
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        double half = 2.201 * sd / Math.sqrt(n); // Student t 0.975, 11 degrees of freedom
        assertThat(theory).as("%s: theory %.4f vs simulated %.4f +- %.4f", what, theory, mean, half)
                .isBetween(mean - half, mean + half);
        assertThat(half).as("%s interval must be narrow enough to mean something", what).isLessThan(0.05 * theory);
    }
}
