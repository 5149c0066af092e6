package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;

/** Per-batch plant series (for warm-up detection) add up to the run's own figures. */
class BatchSeriesTest {

    @Test
    void batchesPartitionTheRunAndAddUpToThePlantFigures() {
        RunOptions options = RunOptions.defaults().withHorizonMillis(20_000 * 60_000L).withBatchMillis(1_000 * 60_000L);
        RunResult r = Simulation.run(Scenarios.library("flowline5"), options);
        List<RunResult.Batch> b = r.batches();
        assertThat(b).hasSize(20);
        assertThat(b.get(19).endMinutes()).isEqualTo(20_000.0);
        assertThat(b.stream().mapToLong(RunResult.Batch::partsOut).sum()).isEqualTo(r.plant().partsOut());
        double wip = b.stream().mapToDouble(RunResult.Batch::wipMean).average().orElseThrow();
        assertThat(wip).isCloseTo(r.plant().wipMean(), within(1e-9));
        double cycle = b.stream().mapToDouble(x -> x.cycleTimeMeanMinutes() * x.partsOut()).sum() / r.plant().partsOut();
        assertThat(cycle).isCloseTo(r.plant().cycleTimeMeanMinutes(), within(1e-9));
    }

    @Test
    void theFirstBatchShowsTheEmptyStart() {
        RunOptions options = RunOptions.defaults().withHorizonMillis(2_000 * 60_000L).withBatchMillis(10 * 60_000L);
        RunResult r = Simulation.run(Scenarios.library("flowline5"), options);
        // The line starts empty and fills within minutes: the initial transient a warm-up detector should cut.
        assertThat(r.batches().get(0).wipMean()).isLessThan(0.5 * r.plant().wipMean());
    }

    @Test
    void stockPerBatchAveragesToTheInventoryFigure() {
        String yaml = org.plantwin.scenarios.library.ScenarioLibrary.text("supply-chain").replace("warmup: 7d", "warmup: 0s");
        RunOptions options = RunOptions.defaults().withHorizonMillis(20 * 86_400_000L).withBatchMillis(86_400_000L);
        RunResult r = SteppedRun.run(Scenarios.parse(yaml, "no warm-up"), options);
        assertThat(r.batches()).hasSize(20);
        for (RunResult.InventoryKpis i : r.inventory()) {
            String key = i.warehouse() + "/" + i.product();
            double mean = r.batches().stream().mapToDouble(b -> b.onHandMean().get(key)).average().orElseThrow();
            assertThat(mean).as(key).isCloseTo(i.onHandMean(), within(1e-6));
        }
    }

    @Test
    void noSeriesUnlessAskedFor() {
        RunResult r = Simulation.run(Scenarios.library("mm1"), RunOptions.defaults().withHorizonMillis(60_000_000L));
        assertThat(r.batches()).isEmpty();
    }
}
