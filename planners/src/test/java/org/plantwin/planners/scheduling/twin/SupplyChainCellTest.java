package org.plantwin.planners.scheduling.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/** The cell planner sequencing PK in the library's supply-chain-cell scenario, against FIFO. */
class SupplyChainCellTest {

    private static final long DAY = TimeSpan.parse("1d").toMillis();
    private static SimulationRuntime runtime;
    private static Scenario scenario;

    @BeforeAll
    static void start() {
        runtime = SimulationRuntime.create(2);
        scenario = Scenarios.library("supply-chain-cell");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void waitsLessThanFifoInTheCellOnTheSameReplication() {
        long horizon = 15 * DAY;
        RunOptions base = RunOptions.defaults().withHorizonMillis(horizon).withOperationTrace(Integer.MAX_VALUE);
        CompletableFuture<RunResult> fifoRun = runtime.start(scenario, base).toCompletableFuture();
        CellPlanner planner = CellPlanner.create(scenario, "PK");
        RunResult planned = runtime.start(scenario, base.withSchedulingPolicy("PK", planner)).toCompletableFuture()
                .join();
        RunResult fifo = fifoRun.join();

        double[] p = CellPlannerComparison.kpis(planned, scenario, horizon);
        double[] f = CellPlannerComparison.kpis(fifo, scenario, horizon);
        int wait = CellPlannerComparison.KPIS.indexOf("PK wait mean (min)");
        int setups = CellPlannerComparison.KPIS.indexOf("PK setups");
        assertThat(planner.stats().decisions()).isGreaterThan(1000);
        assertThat(p[wait]).isPositive().isLessThan(f[wait]);
        assertThat(p[setups]).isLessThan(f[setups]);
        assertThat(planned.supplyChain().orders()).isPositive();
        assertThat(planned.plant().partsOut()).isGreaterThan(fifo.plant().partsOut() / 2);
    }

    @Test
    void drawsOneExecutedBarPerTracedOperationOfTheDay() {
        long from = 8 * DAY;
        long to = 9 * DAY;
        CellPlanner planner = CellPlanner.create(scenario, "PK").recordPlans(from, to, 5_000);
        RunResult r = runtime.start(scenario, RunOptions.defaults().withHorizonMillis(to)
                .withOperationTrace(Integer.MAX_VALUE).withSchedulingPolicy("PK", planner))
                .toCompletableFuture().join();
        List<RunResult.Operation> executed = r.operations().stream().filter(o -> o.resource().equals("PK"))
                .filter(o -> o.endMinutes() * 60_000 > from && o.startMinutes() * 60_000 < to).toList();
        List<CellPlanner.PlannedOperation> planned = planner.recordedPlans().get(0).operations();

        String html = GanttReport.html("PK, day 8", from, to, planned, executed);

        assertThat(executed).hasSizeGreaterThan(50);
        assertThat(count(html, "class=\"bar executed\"")).isEqualTo(executed.size());
        assertThat(count(html, "class=\"bar planned\"")).isEqualTo(planned.size());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("PK-1 planned")
                .contains("PK-2 executed").endsWith("</html>\n");
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
