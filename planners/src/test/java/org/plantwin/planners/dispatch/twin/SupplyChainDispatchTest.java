package org.plantwin.planners.dispatch.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** The dispatcher driving the trucks of the library's supply-chain scenario for 20 days. */
class SupplyChainDispatchTest {

    private static final long DAYS_20 = TimeSpan.parse("20d").toMillis();
    private static final long DAYS_10 = TimeSpan.parse("10d").toMillis();
    private static SimulationRuntime runtime;
    private static Scenario supplyChain;

    @BeforeAll
    static void start() {
        runtime = SimulationRuntime.create(2);
        supplyChain = Scenarios.library("supply-chain");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static CompletableFuture<RunResult> start(boolean dispatcher, long horizonMillis) {
        RunOptions o = RunOptions.defaults().withHorizonMillis(horizonMillis);
        if (dispatcher) {
            o = o.withDispatchPolicy("trucks",
                    RoutingDispatcher.create(DispatcherComparison.optionsFor(supplyChain, "trucks")));
        }
        return runtime.start(supplyChain, o).toCompletableFuture();
    }

    @Test
    void deliversOnTimeWithFewerTripsAndKmThanTheNearestRule() {
        CompletableFuture<RunResult> nearestRun = start(false, DAYS_20);
        RunResult planned = start(true, DAYS_20).join();
        RunResult nearest = nearestRun.join();

        RunResult.SupplyChainKpis sc = planned.supplyChain();
        RunResult.FleetKpis fleet = planned.fleets().get(0);
        long orders = planned.customers().stream().mapToLong(RunResult.CustomerKpis::orders).sum();
        long completed = planned.customers().stream().mapToLong(RunResult.CustomerKpis::completed).sum();
        // Every order is delivered but those still waiting or on a truck when the run ends.
        assertThat(completed).isGreaterThanOrEqualTo(orders - orders / 50);
        assertThat(sc.onTimeDelivery()).isGreaterThan(0.98);
        assertThat(sc.leadTimeMeanHours()).isBetween(1.0, 24.0);
        assertThat(fleet.km()).isPositive().isLessThan(nearest.fleets().get(0).km());
        assertThat(fleet.trips()).isLessThan(nearest.fleets().get(0).trips());
        assertThat(fleet.utilisation()).isBetween(0.0, 1.0);
    }

    @Test
    void givesTheSameKpisForTheSameReplication() {
        CompletableFuture<RunResult> firstRun = start(true, DAYS_10);
        RunResult second = start(true, DAYS_10).join();
        RunResult first = firstRun.join();

        assertThat(second.fleets()).isEqualTo(first.fleets());
        assertThat(second.supplyChain()).isEqualTo(first.supplyChain());
        assertThat(second.customers()).isEqualTo(first.customers());
    }
}
