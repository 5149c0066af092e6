package org.plantwin.actors.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SchedulingPolicy;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/** Built-in queue disciplines and plugged-in scheduling policies, on a one-machine cell with released orders. */
class SchedulingPolicyTest {

    private static SimulationRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = SimulationRuntime.create(1);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /**
     * Four orders released at once: a blocker that starts at once, then three whose due dates run opposite to their
     * release order, and whose processing times differ (long, medium, short).
     */
    private static Scenario cell(String queue) {
        return Scenarios.parse("""
                name: cell
                horizon: 10h
                products:
                  - {id: first, routing: [cell]}
                  - {id: long, routing: [cell]}
                  - {id: medium, routing: [cell]}
                  - {id: short, routing: [cell]}
                machines:
                  - id: M
                    processTimes: {first: 10m, long: 30m, medium: 20m, short: 10m}
                lines:
                  - id: cell
                    queue: %s
                    stations: [{id: S, machines: [M]}]
                sources:
                  - id: orders
                    orders:
                      - {release: 0s, product: first, quantity: 1, due: 10m}
                      - {release: 0s, product: long, quantity: 1, due: 70m}
                      - {release: 0s, product: medium, quantity: 1, due: 40m}
                      - {release: 0s, product: short, quantity: 1, due: 20m}
                sinks: [{id: out}]
                """.formatted(queue), "cell");
    }

    @Test
    void earliestDueDateMeetsEveryDueDateWhereFifoDoesNot() {
        RunResult fifo = runtime.run(cell("fifo"), RunOptions.defaults());
        RunResult edd = runtime.run(cell("edd"), RunOptions.defaults());
        // EDD: first 0-10 (due 10), short 10-20 (20), medium 20-40 (40), long 40-70 (70): nothing late.
        assertThat(edd.sinks().get(0).late()).isZero();
        // FIFO: long 10-40, medium 40-60 (late), short 60-70 (late).
        assertThat(fifo.sinks().get(0).late()).isEqualTo(2);
        assertThat(edd.sinks().get(0).parts()).isEqualTo(4);
    }

    @Test
    void shortestProcessingTimeMinimisesMeanFlowTime() {
        RunResult fifo = runtime.run(cell("fifo"), RunOptions.defaults());
        RunResult spt = runtime.run(cell("spt"), RunOptions.defaults());
        // SPT completions 10, 20, 40, 70 (mean 35 min); FIFO 10, 40, 60, 70 (mean 45 min).
        assertThat(spt.plant().cycleTimeMeanMinutes()).isCloseTo(35.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fifo.plant().cycleTimeMeanMinutes()).isCloseTo(45.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aPluggedInPolicySeesTheQueueAndDecides() {
        List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        SchedulingPolicy lastIn = view -> {
            seen.add(view.waiting().stream().map(SchedulingPolicy.Job::product).toList());
            return view.waiting().size() - 1;
        };
        RunResult r = runtime.run(cell("fifo"), RunOptions.defaults().withSchedulingPolicy("cell", lastIn));
        assertThat(seen.get(0)).containsExactly("long", "medium", "short");
        // LIFO: first 0-10, short 10-20, medium 20-40, long 40-70 - the same order as EDD here.
        assertThat(r.sinks().get(0).late()).isZero();
    }

    @Test
    void aPolicyForAnUnknownResourceIsRejected() {
        assertThatThrownBy(() -> runtime.run(cell("fifo"), RunOptions.defaults()
                .withSchedulingPolicy("cel", v -> 0)))
                .hasMessageContaining("cel").hasMessageContaining("[cell]");
    }
}
