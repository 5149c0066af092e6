package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** Stepping the twin through its decision points, in one thread, with the actor runtime's results. */
class SteppedRunTest {

    private static final long TWO_DAYS = TimeSpan.parse("2d").toMillis();

    /** A 3-job, 3-machine job shop: each machine a machine group, each job a product released at time 0. */
    static Scenario jobShop() {
        return Scenarios.parse("""
                name: js3
                horizon: 1d
                products:
                  - {id: J0, routing: [G0, G1, G2]}
                  - {id: J1, routing: [G1, G0, G2]}
                  - {id: J2, routing: [G1, G2, G0]}
                machines:
                  - {id: M0, processTimes: {J0: 3m, J1: 2m, J2: 2m}}
                  - {id: M1, processTimes: {J0: 2m, J1: 1m, J2: 4m}}
                  - {id: M2, processTimes: {J0: 2m, J1: 4m, J2: 3m}}
                machineGroups:
                  - {id: G0, machines: [M0]}
                  - {id: G1, machines: [M1]}
                  - {id: G2, machines: [M2]}
                sources:
                  - {id: r0, orders: [{release: 0s, product: J0, quantity: 1}]}
                  - {id: r1, orders: [{release: 0s, product: J1, quantity: 1}]}
                  - {id: r2, orders: [{release: 0s, product: J2, quantity: 1}]}
                sinks: [{id: done}]
                """, "js3");
    }

    private static RunOptions allAgents() {
        return RunOptions.defaults().withSchedulingPolicy("G0", SchedulingPolicy.AGENT)
                .withSchedulingPolicy("G1", SchedulingPolicy.AGENT).withSchedulingPolicy("G2", SchedulingPolicy.AGENT);
    }

    @Test
    void withoutAgentsItGivesTheActorRuntimesResultByteForByte() {
        for (String name : List.of("demo", "supply-chain", "flowline5")) {
            RunOptions options = RunOptions.defaults().withHorizonMillis(TWO_DAYS);
            String actors = ResultJson.write(Simulation.run(Scenarios.library(name), options));
            String stepped = ResultJson.write(SteppedRun.run(Scenarios.library(name), options));
            assertThat(stepped).as(name).isEqualTo(actors);
        }
    }

    @Test
    void anAgentThatAlwaysTakesTheOldestPartReproducesFifo() {
        RunResult fifo = SteppedRun.run(jobShop(), RunOptions.defaults());
        SteppedRun run = SteppedRun.start(jobShop(), allAgents());
        int decisions = 0;
        while (!run.done()) {
            DecisionPoint.Scheduling d = (DecisionPoint.Scheduling) run.decision();
            assertThat(d.view().waiting()).hasSizeGreaterThanOrEqualTo(2);
            run.decide(0);
            decisions++;
        }
        assertThat(decisions).isPositive();
        assertThat(run.result().plant()).isEqualTo(fifo.plant());
    }

    @Test
    void theOperationTraceIsAValidScheduleOfTheJobShop() {
        RunResult r = SteppedRun.run(jobShop(), RunOptions.defaults().withOperationTrace(100));
        assertThat(r.operations()).hasSize(9);
        // No machine does two things at once, and each job's operations follow its routing in time.
        for (RunResult.Operation a : r.operations()) {
            for (RunResult.Operation b : r.operations()) {
                if (a != b && a.machine().equals(b.machine())) {
                    assertThat(a.endMinutes() <= b.startMinutes() || b.endMinutes() <= a.startMinutes()).isTrue();
                }
            }
        }
        var j1 = r.operations().stream().filter(o -> o.product().equals("J1")).toList();
        assertThat(j1).extracting(RunResult.Operation::resource).containsExactlyInAnyOrder("G1", "G0", "G2");
        double makespan = r.operations().stream().mapToDouble(RunResult.Operation::endMinutes).max().orElseThrow();
        assertThat(makespan).isGreaterThanOrEqualTo(9.0); // M1 alone has 2 + 1 + 4 minutes; routes add waiting
        assertThat(SteppedRun.run(jobShop(), RunOptions.defaults()).operations()).isEmpty();
    }

    @Test
    void theSameActionsGiveTheSameTrajectoryAndOtherActionsAnother() {
        List<String> a = trajectory(d -> d.view().waiting().size() - 1);
        List<String> b = trajectory(d -> d.view().waiting().size() - 1);
        List<String> c = trajectory(d -> 0);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static List<String> trajectory(java.util.function.ToIntFunction<DecisionPoint.Scheduling> agent) {
        List<String> t = new ArrayList<>();
        SteppedRun run = SteppedRun.start(jobShop(), allAgents());
        while (!run.done()) {
            DecisionPoint.Scheduling d = (DecisionPoint.Scheduling) run.decision();
            t.add(d.nowMillis() + " " + d.view().machine() + " " + d.view().waiting().stream()
                    .map(j -> j.product() + "/" + j.remainingOperations() + "/" + (long) j.remainingWorkMillis())
                    .toList());
            run.decide(agent.applyAsInt(d));
        }
        t.add("cycle " + run.result().plant().cycleTimeMeanMinutes());
        return t;
    }

    @Test
    void anAgentReplenishmentDecidesLikeTheSamePlugInPolicy() {
        long day = TimeSpan.parse("1d").toMillis();
        ReplenishmentPolicy upTo300 = new ReplenishmentPolicy() {
            @Override
            public long reviewPeriodMillis() {
                return day;
            }

            @Override
            public long order(View v) {
                return Math.max(0, 300 - v.position());
            }
        };
        RunOptions base = RunOptions.defaults().withHorizonMillis(10 * day);
        RunResult plugged = SteppedRun.run(Scenarios.library("supply-chain"),
                base.withReplenishmentPolicy("FG", "A", upTo300));
        SteppedRun run = SteppedRun.start(Scenarios.library("supply-chain"),
                base.withReplenishmentPolicy("FG", "A", ReplenishmentPolicy.agent(day)));
        while (!run.done()) {
            DecisionPoint.Replenishment d = (DecisionPoint.Replenishment) run.decision();
            run.decide(Math.max(0, 300 - d.view().position()));
        }
        assertThat(run.steps()).isEqualTo(9);
        assertThat(run.result().inventory().get(0).replenishments()).isEqualTo(plugged.inventory().get(0).replenishments());
        assertThat(run.result().supplyChain()).isEqualTo(plugged.supplyChain());
    }

    @Test
    void anAgentDispatchesTrucksWithinTheirCapacity() {
        SteppedRun run = SteppedRun.start(Scenarios.library("supply-chain"), RunOptions.defaults()
                .withHorizonMillis(TWO_DAYS).withDispatchPolicy("trucks", DispatchPolicy.AGENT));
        int trips = 0;
        while (!run.done()) {
            DispatchPolicy.View v = ((DecisionPoint.Dispatch) run.decision()).view();
            List<Long> load = new ArrayList<>();
            int units = 0;
            for (DispatchPolicy.Shipment s : v.waiting()) {
                if (units + s.units() <= v.capacity()) {
                    load.add(s.id());
                    units += s.units();
                }
            }
            run.decide(DispatchPolicy.Decision.load(load));
            trips++;
        }
        // Two days inside the seven-day warm-up: the fleet's counters are empty, the deliveries are not.
        assertThat(trips).isPositive();
        assertThat(run.result().customers().stream().mapToLong(RunResult.CustomerKpis::unitsDeliveredTotal).sum())
                .isPositive();
    }

    @Test
    void aBadActionIsRejectedWithTheRange() {
        SteppedRun run = SteppedRun.start(jobShop(), allAgents());
        assertThatThrownBy(() -> run.decide(7)).hasMessageContaining("(7)").hasMessageContaining("[0, ");
    }

    @Test
    void theActorRuntimeRefusesAgentPolicies() {
        assertThatThrownBy(() -> Simulation.run(jobShop(), allAgents())).isInstanceOf(SimulationException.class)
                .hasMessageContaining("SteppedRun");
    }
}
