package org.plantwin.actors.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.DispatchPolicy;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationException;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** The library's supply-chain scenario: conservation of units, truck capacity, determinism, dispatch rules. */
class SupplyChainTest {

    private static final long DAYS_20 = TimeSpan.parse("20d").toMillis();
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

    /** The same scenario without warm-up, so that every count covers the whole run. */
    private static Scenario noWarmup() {
        String yaml = org.plantwin.scenarios.library.ScenarioLibrary.text("supply-chain")
                .replace("warmup: 7d", "warmup: 0s");
        return Scenarios.parse(yaml, "supply-chain without warm-up");
    }

    @Test
    void unitsAreConservedAtTheEndOfTheRun() {
        RunResult r = runtime.run(noWarmup(), RunOptions.defaults().withHorizonMillis(DAYS_20));
        for (RunResult.InventoryKpis i : r.inventory()) {
            assertThat(i.initial() + i.received()).as("stock balance of %s", i.product())
                    .isEqualTo(i.shipped() + i.onHandEnd());
        }
        long shipped = r.inventory().stream().mapToLong(RunResult.InventoryKpis::shipped).sum();
        long delivered = r.customers().stream().mapToLong(RunResult.CustomerKpis::unitsDeliveredTotal).sum();
        assertThat(delivered).isPositive().isLessThanOrEqualTo(shipped);
        for (RunResult.LineKpis l : r.lines()) {
            // Every part released into a line left it, was scrapped, or is still inside.
            assertThat(l.partsIn()).as("line %s", l.id()).isEqualTo(l.partsOut() + l.scrapped() + l.wipEnd());
        }
        Map<String, Long> made = r.lines().stream().collect(Collectors.toMap(RunResult.LineKpis::id,
                RunResult.LineKpis::partsOut));
        RunResult.InventoryKpis a = r.inventory().get(0);
        // What L1 made reached FG, except what is still on its way (a 15 min transfer and 10 min put-away).
        assertThat(a.received()).isLessThanOrEqualTo(made.get("L1")).isGreaterThan(made.get("L1") - 50);
        long bought = r.suppliers().get(0).units();
        assertThat(r.inventory().get(2).received() + r.materials().stream()
                .mapToLong(RunResult.MaterialKpis::received).sum()).isLessThanOrEqualTo(bought);
        // Raw material: what L1 consumed (2 steel a part) went into the parts that entered and were not waiting.
        RunResult.MaterialKpis steel = r.materials().get(0);
        long consumed = steel.initial() + steel.received() - steel.onHandEnd();
        RunResult.LineKpis l1 = r.lines().get(0);
        assertThat(consumed).isLessThanOrEqualTo(2 * l1.partsIn()).isGreaterThanOrEqualTo(2 * (l1.partsIn() - l1.wipEnd()));
        assertThat(consumed % 2).isZero();
    }

    @Test
    void scarceRawMaterialStarvesTheLine() {
        String yaml = org.plantwin.scenarios.library.ScenarioLibrary.text("supply-chain")
                .replace("{material: steel, initial: 1500, reorderPoint: 900, orderQuantity: 1200, supplier: SUP}",
                        "{material: steel, initial: 100, reorderPoint: 50, orderQuantity: 100, supplier: SUP}");
        RunResult scarce = runtime.run(Scenarios.parse(yaml, "scarce steel"),
                RunOptions.defaults().withHorizonMillis(DAYS_20));
        RunResult normal = runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(DAYS_20));
        assertThat(scarce.lines().get(0).materialStarvedShare()).isGreaterThan(0.2);
        assertThat(scarce.materials().get(0).partsWaited()).isPositive();
        assertThat(scarce.lines().get(0).partsOut()).isLessThan(normal.lines().get(0).partsOut());
        assertThat(scarce.supplyChain().orderFillRate()).isLessThan(normal.supplyChain().orderFillRate());
    }

    @Test
    void trucksNeverCarryMoreThanTheirCapacity() {
        List<Integer> loads = Collections.synchronizedList(new ArrayList<>());
        DispatchPolicy nearest = BuiltInDispatch.of(Fleet.DispatchRule.NEAREST, 0);
        DispatchPolicy recording = view -> {
            DispatchPolicy.Decision d = nearest.decide(view);
            int units = view.waiting().stream().filter(s -> d.shipmentIds().contains(s.id()))
                    .mapToInt(DispatchPolicy.Shipment::units).sum();
            if (!d.shipmentIds().isEmpty()) {
                loads.add(units);
            }
            return d;
        };
        RunResult r = runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(DAYS_20)
                .withDispatchPolicy("trucks", recording));
        assertThat(loads).isNotEmpty().allSatisfy(u -> assertThat(u).isBetween(1, 40));
        assertThat(r.fleets().get(0).trips()).isPositive();
    }

    @Test
    void trucksLimitedByVolumeNeverCarryMoreVolumeThanTheyHold() {
        String yaml = org.plantwin.scenarios.library.ScenarioLibrary.text("supply-chain")
                .replace("{id: A, routing: [{at: L1, materials: {steel: 2}}], sink: FG}",
                        "{id: A, routing: [{at: L1, materials: {steel: 2}}], sink: FG, volume: 2.5}")
                .replace("    capacity: 40\n", "    capacity: 40\n    volumeCapacity: 60\n")
                .replace("{product: A, initial: 300, policy:", "{product: A, initial: 300, capacity: 320, policy:");
        Scenario s = Scenarios.parse(yaml, "volume");
        assertThat(s.fleets().get(0).volumeCapacity()).isEqualTo(60.0);
        List<double[]> loads = Collections.synchronizedList(new ArrayList<>());
        DispatchPolicy nearest = BuiltInDispatch.of(Fleet.DispatchRule.NEAREST, 0);
        DispatchPolicy recording = view -> {
            DispatchPolicy.Decision d = nearest.decide(view);
            double volume = view.waiting().stream().filter(x -> d.shipmentIds().contains(x.id()))
                    .mapToDouble(DispatchPolicy.Shipment::volume).sum();
            int units = view.waiting().stream().filter(x -> d.shipmentIds().contains(x.id()))
                    .mapToInt(DispatchPolicy.Shipment::units).sum();
            if (!d.shipmentIds().isEmpty()) {
                loads.add(new double[] {units, volume});
            }
            return d;
        };
        RunResult r = runtime.run(s, RunOptions.defaults().withHorizonMillis(DAYS_20)
                .withDispatchPolicy("trucks", recording));
        assertThat(loads).isNotEmpty().allSatisfy(l -> {
            assertThat(l[0]).isLessThanOrEqualTo(40);
            assertThat(l[1]).isLessThanOrEqualTo(60.0 + 1e-9);
        });
        // Some trucks are full by volume before they are full by units.
        assertThat(loads).anySatisfy(l -> assertThat(l[1]).isGreaterThan(40));
        // Product A's own capacity caps its stock.
        assertThat(r.inventory().get(0).onHandMax()).isLessThanOrEqualTo(320);
    }

    @Test
    void aPolicyThatOverloadsATruckFailsTheRunWithAClearMessage() {
        DispatchPolicy greedy = view -> DispatchPolicy.Decision.load(
                view.waiting().stream().map(DispatchPolicy.Shipment::id).toList());
        assertThatThrownBy(() -> runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(DAYS_20)
                .withDispatchPolicy("trucks", greedy)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("trucks").hasMessageContaining("capacity 40");
    }

    @Test
    void aDispatchPolicyForAnUnknownFleetIsRejected() {
        assertThatThrownBy(() -> runtime.run(supplyChain, RunOptions.defaults()
                .withDispatchPolicy("lorries", view -> DispatchPolicy.Decision.load(List.of()))))
                .hasMessageContaining("lorries").hasMessageContaining("trucks");
    }

    @Test
    void resultJsonIsByteIdenticalAcrossLaneCounts() {
        RunOptions options = RunOptions.defaults().withHorizonMillis(DAYS_20);
        String one;
        try (SimulationRuntime single = SimulationRuntime.create(1)) {
            one = ResultJson.write(single.run(supplyChain, options));
        }
        try (SimulationRuntime three = SimulationRuntime.create(3)) {
            var a = three.start(supplyChain, options).toCompletableFuture();
            var b = three.start(Scenarios.library("demo"), options).toCompletableFuture();
            var c = three.start(supplyChain, options).toCompletableFuture();
            assertThat(ResultJson.write(a.join())).isEqualTo(one);
            assertThat(ResultJson.write(c.join())).isEqualTo(one);
            assertThat(b.join().scenario()).isEqualTo("demo");
        }
    }

    @Test
    void waitingForFullTruckloadsMakesFewerLongerTrips() {
        RunOptions options = RunOptions.defaults().withHorizonMillis(DAYS_20);
        RunResult nearest = runtime.run(supplyChain, options.withDispatchPolicy("trucks",
                BuiltInDispatch.of(Fleet.DispatchRule.NEAREST, 0)));
        RunResult full = runtime.run(supplyChain, options.withDispatchPolicy("trucks",
                BuiltInDispatch.of(Fleet.DispatchRule.FULL_TRUCKLOAD, TimeSpan.parse("8h").toMillis())));
        // Same nearest-customer tours, but waiting for a full truck: fewer trips, longer lead times.
        assertThat(full.fleets().get(0).trips()).isLessThan(nearest.fleets().get(0).trips());
        assertThat(full.supplyChain().leadTimeMeanHours()).isGreaterThan(nearest.supplyChain().leadTimeMeanHours());
    }

    @Test
    void aPluggedInReplenishmentPolicyReviewsDailyWithTheDemandHistory() {
        List<double[]> histories = Collections.synchronizedList(new ArrayList<>());
        org.plantwin.actors.api.ReplenishmentPolicy orderUpTo300 = new org.plantwin.actors.api.ReplenishmentPolicy() {
            @Override
            public long reviewPeriodMillis() {
                return TimeSpan.parse("1d").toMillis();
            }

            @Override
            public long order(View v) {
                histories.add(v.demandHistory());
                return Math.max(0, 300 - v.position());
            }
        };
        RunResult r = runtime.run(noWarmup(), RunOptions.defaults().withHorizonMillis(DAYS_20)
                .withReplenishmentPolicy("FG", "A", orderUpTo300));
        // Reviews at days 1..19 (day 20 is the horizon), each seeing one more period of demand.
        assertThat(histories).hasSize(19);
        assertThat(histories.get(18)).hasSize(19);
        RunResult.InventoryKpis a = r.inventory().get(0);
        assertThat(a.policy()).startsWith("plugged-in");
        assertThat(a.replenishments()).isPositive();
        double demanded = java.util.Arrays.stream(histories.get(18)).sum();
        assertThat(demanded).isLessThanOrEqualTo(a.units()).isGreaterThan(0.8 * a.units());
        assertThatThrownBy(() -> runtime.run(supplyChain, RunOptions.defaults()
                .withReplenishmentPolicy("FG", "Z", orderUpTo300))).hasMessageContaining("FG/Z");
    }

    @Test
    void tracedTripsVisitTheirStopsInTimeOrderWithinCapacity() {
        RunResult r = runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(DAYS_20).withOperationTrace(50));
        assertThat(r.trips()).hasSize(50);
        for (RunResult.Trip t : r.trips()) {
            assertThat(t.units()).isBetween(1, 40);
            assertThat(t.stops()).isNotEmpty();
            double last = t.departMinutes();
            for (RunResult.Stop s : t.stops()) {
                assertThat(s.arriveMinutes()).isGreaterThanOrEqualTo(last);
                last = s.arriveMinutes();
            }
            assertThat(t.returnMinutes()).isGreaterThan(last);
        }
        assertThat(runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(DAYS_20)).trips()).isEmpty();
    }

    @Test
    void supplyChainKpisAreConsistent() {
        RunResult r = runtime.run(supplyChain, RunOptions.defaults().withHorizonMillis(DAYS_20));
        RunResult.SupplyChainKpis c = r.supplyChain();
        assertThat(c.orders()).isEqualTo(r.customers().stream().mapToLong(RunResult.CustomerKpis::orders).sum());
        assertThat(c.orderFillRate()).isBetween(0.0, 1.0);
        assertThat(c.onTimeDelivery()).isBetween(0.0, 1.0);
        assertThat(c.totalCost()).isCloseTo(c.transportCost() + c.holdingCost() + c.backorderCost(),
                org.assertj.core.data.Offset.offset(1e-6));
        RunResult.FleetKpis f = r.fleets().get(0);
        assertThat(f.drivingShare() + f.loadingShare() + f.unloadingShare() + f.idleShare())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.kernel().logicalProcesses()).isEqualTo(2 + 0 + 1 + 1 + 12);
    }
}
