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

/** The run history (demand per period, failure draws) and failure traces that replay durations. */
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
