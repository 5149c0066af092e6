package org.plantwin.planners.scheduling.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.SchedulingPolicy.Job;
import org.plantwin.actors.api.SchedulingPolicy.View;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/** The cell planner on hand-made views of a small cell: G with machines M1, M2, products A (6 min) and B (7 min). */
class CellPlannerTest {

    private static final long MIN = 60_000L;

    private static final Scenario CELL = Scenarios.parse("""
            name: cell
            horizon: 1d
            products:
              - {id: A, routing: [G]}
              - {id: B, routing: [G]}
            machines:
              - id: M1
                processTimes: {A: 6m, B: 7m}
                setup: {changeover: 20m}
              - id: M2
                processTimes: {A: 6m, B: 7m}
                setup: {changeover: 20m}
            machineGroups:
              - {id: G, machines: [M1, M2]}
            sources:
              - {id: a, product: A, interarrival: {type: exponential, mean: 15m}}
              - {id: b, product: B, interarrival: {type: exponential, mean: 15m}}
            sinks:
              - {id: out}
            """, "cell");

    private static Job job(long id, String product, long enqueuedMin, long dueMin) {
        return new Job(id, product, enqueuedMin * MIN, dueMin < 0 ? -1 : dueMin * MIN,
                product.equals("A") ? 6 * MIN : 7 * MIN, 0, 1, product.equals("A") ? 6 * MIN : 7 * MIN);
    }

    private static View view(long nowMin, String machine, String last, List<Job> waiting) {
        return new View(nowMin * MIN, "G", "G", machine, last, waiting);
    }

    @Test
    void batchesByProductWhenChangeoversCost() {
        CellPlanner planner = CellPlanner.create(CELL, "G").recordPlans(0, Long.MAX_VALUE, 10);
        // Oldest first, products alternating: FIFO would change over at every part.
        List<Job> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(job(i, i % 2 == 0 ? "B" : "A", i, -1));
        }
        int chosen = planner.select(view(100, "M1", "A", waiting));

        assertThat(waiting.get(chosen).product()).isEqualTo("A");
        // The plan keeps each product together per machine: at most one change per machine.
        CellPlanner.PlanSnapshot plan = planner.recordedPlans().get(0);
        assertThat(plan.operations()).hasSize(12);
        for (String m : List.of("M1", "M2")) {
            List<String> products = plan.operations().stream().filter(o -> o.machine().equals(m))
                    .map(CellPlanner.PlannedOperation::product).toList();
            int changes = 0;
            for (int i = 1; i < products.size(); i++) {
                changes += products.get(i).equals(products.get(i - 1)) ? 0 : 1;
            }
            assertThat(changes).as("product changes on %s in %s", m, products).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void urgentDueDateJumpsTheQueue() {
        CellPlanner planner = CellPlanner.create(CELL, "G").recordPlans(0, Long.MAX_VALUE, 10);
        List<Job> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(job(i, "A", i, 10_000));
        }
        // M2 takes an A part at 100, M1 another at 101 (busy until about 107); M2 is free again at 104.
        int a = planner.select(view(100, "M2", "A", first));
        List<Job> second = new ArrayList<>(first);
        second.remove(a);
        int b = planner.select(view(101, "M1", "A", second));
        assertThat(b).isBetween(0, second.size() - 1);
        // A rush order of five B parts arrives (due now); the next free machine takes it despite two changeovers.
        List<Job> third = new ArrayList<>(second);
        third.remove(b);
        for (int i = 0; i < 5; i++) {
            third.add(job(99 + i, "B", 102, 102));
        }
        int chosen = planner.select(view(104, "M2", "A", third));

        assertThat(third.get(chosen).product()).as("plan %s", planner.recordedPlans().get(2).operations().stream()
                .map(o -> o.machine() + ":" + o.product() + "@" + o.startMillis() / MIN).toList()).isEqualTo("B");
        assertThat(planner.stats().rushArrivals()).isEqualTo(1);
    }

    @Test
    void suspectsABreakdownWhenAMachineStaysAwayAndReplans() {
        CellPlanner planner = CellPlanner.create(CELL, "G");
        List<Job> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            waiting.add(job(i, i < 15 ? "A" : "B", i, -1));
        }
        int taken = planner.select(view(0, "M2", null, waiting));
        waiting.remove(taken);
        long recomputes = planner.stats().recomputes();
        // M2 should have finished by about 6 min; M1 asks two hours later and M2 never called back.
        planner.select(view(120, "M1", null, waiting));

        assertThat(planner.stats().suspectedBreakdowns()).isEqualTo(1);
        assertThat(planner.stats().recomputes()).isEqualTo(recomputes + 1);
    }

    @Test
    void choosesTheSameForTheSameViewsAndAlwaysAValidIndex() {
        List<Integer> first = decisions(CellPlanner.create(CELL, "G"), 7);
        List<Integer> second = decisions(CellPlanner.create(CELL, "G"), 7);

        assertThat(second).isEqualTo(first);
    }

    /** Drives a planner with random queues (sizes 1-60, random products and due dates); checks every index. */
    private static List<Integer> decisions(CellPlanner planner, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Job> queue = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        long id = 0;
        String[] last = {null, null};
        for (int step = 0; step < 300; step++) {
            long now = step * 4L;
            for (int a = rng.nextInt(3); a > 0 || queue.isEmpty(); a--) {
                queue.add(job(id++, rng.nextBoolean() ? "A" : "B", now, rng.nextInt(4) == 0 ? -1
                        : now + rng.nextInt(-60, 600)));
            }
            while (queue.size() > 60) {
                queue.remove(0);
            }
            int m = rng.nextInt(2);
            int i = planner.select(view(now, "M" + (m + 1), last[m], queue));
            assertThat(i).isBetween(0, queue.size() - 1);
            last[m] = queue.get(i).product();
            queue.remove(i);
            out.add(i);
        }
        return out;
    }

    @Test
    void rejectsAViewOfAnotherResource() {
        CellPlanner planner = CellPlanner.create(CELL, "G");

        assertThatThrownBy(() -> planner.select(new View(0, "L1", "S1", "M1", null, List.of(job(1, "A", 0, -1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(L1)");
        assertThatThrownBy(() -> CellPlanner.create(CELL, "X")).hasMessageContaining("(X)");
    }
}
