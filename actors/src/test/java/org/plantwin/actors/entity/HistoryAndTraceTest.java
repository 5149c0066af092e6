package org.plantwin.actors.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.Simulation;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Failure;
import org.plantwin.scenarios.model.FailureTrace;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * The run history (demand per period, failure draws, travel factors) and the traces that replay them (failure
 * durations, travel-time factors).
 */
class HistoryAndTraceTest {

    private static final long DAY = TimeSpan.parse("1d").toMillis();
    private static final RunOptions TWENTY_DAYS = RunOptions.defaults().withHorizonMillis(20 * DAY);

    @Test
    void demandHistoryAfterWarmupAddsUpToTheUnitsEachCustomerOrdered() {
        Scenario s = Scenarios.library("supply-chain");
        RunResult r = Simulation.run(s, TWENTY_DAYS.withHistory(DAY));

        int warmupDays = (int) (s.warmup().toMillis() / DAY);
        assertThat(r.history().periodMinutes()).isEqualTo(1440.0);
        for (RunResult.CustomerKpis c : r.customers()) {
            List<RunResult.DemandHistory> mine = r.history().demand().stream()
                    .filter(d -> d.customer().equals(c.id())).toList();
            assertThat(mine).isNotEmpty().allSatisfy(d -> assertThat(d.units()).hasSize(20));
            long afterWarmup = mine.stream().mapToLong(d -> d.units().subList(warmupDays, 20).stream()
                    .mapToLong(Long::longValue).sum()).sum();
            assertThat(afterWarmup).as(c.id()).isEqualTo(c.units());
        }
        assertThat(r.history().demand().get(0).customer()).isEqualTo("C01");
        assertThat(r.history().demand().subList(0, 3)).extracting(RunResult.DemandHistory::product)
                .containsExactly("A", "B", "C");
    }

    @Test
    void aRunWithoutHistoryHasNoneInItsJson() {
        RunResult r = Simulation.run(Scenarios.library("supply-chain"), RunOptions.defaults().withHorizonMillis(2 * DAY));

        assertThat(r.history()).isNull();
        assertThat(ResultJson.write(r)).doesNotContain("\"history\"");
    }

    @Test
    void aRecordedFailureHistoryReplaysAsATraceUnderAnotherReplication() {
        Scenario s = Scenarios.library("supply-chain");
        RunResult first = Simulation.run(s, TWENTY_DAYS.withHistory(DAY));
        RunResult.FailureHistory m1 = first.history().failures().get(0);
        assertThat(m1.machine()).isEqualTo("L1-M1");
        assertThat(first.history().failures()).extracting(RunResult.FailureHistory::machine)
                .containsExactly("L1-M1", "L2-M1");
        long failures = first.machines().stream().filter(m -> m.id().equals("L1-M1")).findFirst().orElseThrow()
                .failures();
        assertThat(m1.repairMinutes().size()).isGreaterThanOrEqualTo((int) failures).isGreaterThan(3);

        Scenario replay = withTrace(s, "L1-M1", new FailureTrace(minutes(m1.timeBetweenMinutes()),
                minutes(m1.repairMinutes())));
        RunResult.FailureHistory again = Simulation.run(replay, TWENTY_DAYS.withHistory(DAY).withReplication(1))
                .history().failures().get(0);
        RunResult.FailureHistory other = Simulation.run(s, TWENTY_DAYS.withHistory(DAY).withReplication(1))
                .history().failures().get(0);

        int n = Math.min(again.repairMinutes().size(), m1.repairMinutes().size());
        // Minutes -> milliseconds -> minutes may move the last bit.
        assertThat(again.repairMinutes().subList(0, n)).usingElementComparator(HistoryAndTraceTest::close)
                .containsExactlyElementsOf(m1.repairMinutes().subList(0, n));
        assertThat(again.timeBetweenMinutes().get(0)).isCloseTo(m1.timeBetweenMinutes().get(0), within(1e-9));
        assertThat(other.repairMinutes().get(0)).isNotEqualTo(m1.repairMinutes().get(0));
    }

    @Test
    void aTraceOfLongGapsKeepsTheMachineUpThenTheDistributionTakesOver() {
        Scenario s = Scenarios.library("supply-chain");
        Scenario never = withTrace(s, "L1-M1", new FailureTrace(List.of(TimeSpan.parse("1000d")), null));
        Scenario soon = withTrace(s, "L1-M1", new FailureTrace(List.of(TimeSpan.parse("1m")), List.of(TimeSpan.parse("2d"))));

        assertThat(down(Simulation.run(never, TWENTY_DAYS), "L1-M1")).isZero();
        assertThat(down(Simulation.run(s, TWENTY_DAYS), "L1-M1")).isPositive();
        // The first failure replays the trace; later ones come from the distribution.
        RunResult.FailureHistory h = Simulation.run(soon, TWENTY_DAYS.withHistory(DAY)).history().failures().get(0);
        assertThat(h.timeBetweenMinutes().get(0)).isEqualTo(1.0);
        assertThat(h.repairMinutes().get(0)).isEqualTo(2880.0);
        assertThat(h.repairMinutes().size()).isGreaterThan(1);
    }

    @Test
    void theTravelHistoryHoldsTheFactorOfEveryLegInDrivingOrder() {
        Scenario s = Scenarios.library("supply-chain");
        RunResult r = Simulation.run(s, TWENTY_DAYS.withHistory(DAY).withOperationTrace(1_000_000));

        assertThat(r.history().travel()).singleElement().satisfies(t -> {
            assertThat(t.fleet()).isEqualTo("trucks");
            assertThat(t.depot()).isEqualTo("FG");
        });
        List<Double> factors = r.history().travel().get(0).factors();
        // Every trip drives one leg per stop and one back to the depot.
        int legs = r.trips().stream().mapToInt(t -> t.stops().size() + 1).sum();
        assertThat(factors).hasSize(legs).hasSizeGreaterThan(20)
                .allSatisfy(f -> assertThat(f).isBetween(TravelFactors.MIN_DRAWN, TravelFactors.MAX_DRAWN));
        // noiseCv 0.15: the factors vary about 1.
        double mean = factors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, within(0.05));
        assertThat(factors.stream().distinct().count()).isEqualTo(factors.size());
    }

    @Test
    void aRecordedTravelHistoryReplaysAsATraceUnderAnotherReplication() {
        Scenario s = Scenarios.library("supply-chain");
        List<Double> first = Simulation.run(s, TWENTY_DAYS.withHistory(DAY)).history().travel().get(0).factors();

        RunOptions other = TWENTY_DAYS.withHistory(DAY).withReplication(1);
        List<Double> again = Simulation.run(withTravelTrace(s, "trucks", first), other).history().travel().get(0)
                .factors();
        List<Double> drawn = Simulation.run(s, other).history().travel().get(0).factors();

        int n = Math.min(first.size(), again.size());
        assertThat(n).isGreaterThan(20);
        assertThat(again.subList(0, n)).containsExactlyElementsOf(first.subList(0, n));
        assertThat(drawn.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void replayedFactorsLeaveTheFleetsRandomStreamUntouched() {
        // Without noise every drawn factor is 1; with noise the draws after a trace of k legs are the draws the run
        // without a trace made for legs 0, 1, ...: the stream was not advanced by the replay.
        Scenario s = Scenarios.library("supply-chain");
        List<Double> plain = Simulation.run(s, TWENTY_DAYS.withHistory(DAY)).history().travel().get(0).factors();
        List<Double> trace = List.of(1.0, 1.0, 1.0);

        List<Double> after = Simulation.run(withTravelTrace(s, "trucks", trace), TWENTY_DAYS.withHistory(DAY))
                .history().travel().get(0).factors();

        assertThat(after.subList(0, 3)).containsExactlyElementsOf(trace);
        assertThat(after.subList(3, 13)).containsExactlyElementsOf(plain.subList(0, 10));
    }

    @Test
    void longerTravelFactorsGiveLongerLeadTimesAndBusierTrucks() {
        Scenario noNoise = withoutTravelNoise(Scenarios.library("supply-chain"));
        List<Double> ones = java.util.Collections.nCopies(5_000, 1.0);
        List<Double> twos = java.util.Collections.nCopies(5_000, 2.0);

        RunResult plain = Simulation.run(noNoise, TWENTY_DAYS.withHistory(DAY));
        RunResult one = Simulation.run(withTravelTrace(noNoise, "trucks", ones), TWENTY_DAYS.withHistory(DAY));
        RunResult two = Simulation.run(withTravelTrace(noNoise, "trucks", twos), TWENTY_DAYS.withHistory(DAY));

        // A trace of 1s is the noiseless run, to the byte; the trace outlasts the run.
        assertThat(ResultJson.write(one)).isEqualTo(ResultJson.write(plain));
        assertThat(two.history().travel().get(0).factors()).hasSizeLessThan(5_000).containsOnly(2.0);
        assertThat(two.supplyChain().leadTimeMeanHours()).isGreaterThan(one.supplyChain().leadTimeMeanHours() + 0.5);
        // Not twice: with 4 trucks busy, longer trips bundle more stops per trip.
        assertThat(two.fleets().get(0).drivingShare()).isGreaterThan(1.2 * one.fleets().get(0).drivingShare());
        assertThat(two.supplyChain().onTimeDelivery()).isLessThanOrEqualTo(one.supplyChain().onTimeDelivery());
    }

    @Test
    void factorsBelowTheNoisesSmallestShortenTheLookaheadInsteadOfBreakingCausality() {
        Scenario noNoise = withoutTravelNoise(Scenarios.library("supply-chain"));
        List<Double> fast = java.util.Collections.nCopies(5_000, 0.2);

        RunResult one = Simulation.run(noNoise, TWENTY_DAYS);
        RunResult quick = Simulation.run(withTravelTrace(noNoise, "trucks", fast), TWENTY_DAYS);

        // Warehouse FG -> customer C01: load and unload time plus the drive at the smallest factor.
        long plainLink = new PlantModel(noNoise, 1, DAY).minDeliveryMillis(0, 0);
        long fastLink = new PlantModel(withTravelTrace(noNoise, "trucks", fast), 1, DAY).minDeliveryMillis(0, 0);
        long loadAndUnload = noNoise.fleets().get(0).loadTime().toMillis()
                + noNoise.fleets().get(0).unloadTime().toMillis();
        assertThat(fastLink - loadAndUnload).isCloseTo((long) (0.2 * (plainLink - loadAndUnload)), within(2L));
        assertThat(quick.supplyChain().leadTimeMeanHours()).isLessThan(one.supplyChain().leadTimeMeanHours());
        assertThat(quick.fleets().get(0).drivingShare()).isLessThan(0.5 * one.fleets().get(0).drivingShare());
    }

    private static Scenario withoutTravelNoise(Scenario s) {
        org.plantwin.scenarios.model.Travel t = s.travel();
        return new Scenario(s.name(), s.description(), s.seed(), s.horizon(), s.warmup(), s.transferTime(),
                s.products(), s.machines(), s.lines(), s.machineGroups(), s.sources(), s.sinks(), s.sites(),
                new org.plantwin.scenarios.model.Travel(t.matrix(), t.speedKmPerHour(), 0.0), s.warehouses(),
                s.suppliers(), s.customers(), s.fleets());
    }

    private static Scenario withTravelTrace(Scenario s, String fleet, List<Double> trace) {
        return s.withFleets(s.fleets().stream().map(f -> f.id().equals(fleet) ? f.withTravelTrace(trace) : f)
                .toList());
    }

    private static int close(Double a, Double b) {
        return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
    }

    private static double down(RunResult r, String machine) {
        return r.machines().stream().filter(m -> m.id().equals(machine)).findFirst().orElseThrow()
                .stateFractions().get("down");
    }

    private static List<TimeSpan> minutes(List<Double> values) {
        return values.stream().map(v -> TimeSpan.ofMillis(v * 60_000.0)).toList();
    }

    private static Scenario withTrace(Scenario s, String machine, FailureTrace trace) {
        List<Machine> machines = new ArrayList<>();
        for (Machine m : s.machines()) {
            if (m.id().equals(machine)) {
                Failure f = m.failures().get(0);
                m = new Machine(m.id(), m.processTime(), m.processTimes(),
                        List.of(new Failure(f.basis(), f.timeBetween(), f.repair(), trace)), m.setup(), m.scrap(),
                        m.degradation(), m.maintenance());
            }
            machines.add(m);
        }
        return new Scenario(s.name(), s.description(), s.seed(), s.horizon(), s.warmup(), s.transferTime(),
                s.products(), machines, s.lines(), s.machineGroups(), s.sources(), s.sinks(), s.sites(), s.travel(),
                s.warehouses(), s.suppliers(), s.customers(), s.fleets());
    }
}
