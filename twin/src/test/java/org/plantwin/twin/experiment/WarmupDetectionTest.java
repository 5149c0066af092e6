package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;

class WarmupDetectionTest {

    /** M/M/1 at utilisation 0.9 started empty: the queue needs hundreds of minutes to fill. */
    private static Experiment mm1() {
        return Experiment.of("mm1-auto", Scenarios.library("mm1"))
                .withHorizon("20000m").withReplications(3)
                .withKpis(List.of("plant.wipMean", "stations[S1].waitMeanMinutes"))
                .withAutoWarmup(new AutoWarmup("plant.wipMean", 10, 40));
    }

    private static ExperimentResult auto;

    @org.junit.jupiter.api.BeforeAll
    static void runOnTwoLanes() {
        auto = ExperimentRunner.run(mm1(), 2, null);
    }

    @Test
    void detectsAWarmupOnAnEmptyStartWellBelowTheHorizon() {
        WarmupDetection w = auto.warmupDetection();
        assertThat(w).isNotNull();
        assertThat(w.method()).isEqualTo("MSER-5");
        WarmupDetection.VariantWarmup v = w.variants().get(0);
        System.out.println("mm1 20000m, 40 batches of " + v.batchMinutes() + " min, 10 pilots: warm-up "
                + w.applied() + " (" + v.truncationBatches() + " batches; pilots " + v.pilotTruncations() + ")");
        assertThat(v.batchMinutes()).isEqualTo(500.0);
        assertThat(v.series()).hasSize(40);
        assertThat(v.series().get(0)).isLessThan(v.series().subList(10, 40).stream()
                .mapToDouble(Double::doubleValue).average().orElseThrow());
        assertThat(w.appliedMinutes()).isGreaterThan(0).isLessThan(20000 / 4.0);
        assertThat(v.atBoundary()).isFalse();
        assertThat(v.pilotTruncations()).hasSize(10);
    }

    @Test
    void rerunsTheReplicationsWithTheDetectedWarmup() {
        String applied = auto.warmupDetection().applied();
        ExperimentResult fixed = ExperimentRunner.run(mm1().withAutoWarmup(null).withWarmup(applied), 2, null);
        assertThat(auto.variants()).isEqualTo(fixed.variants());
        assertThat(fixed.warmupDetection()).isNull();
        assertThat(ExperimentJson.write(auto)).contains("\"warmupDetection\"", "\"applied\" : \"" + applied + "\"");
        assertThat(ExperimentJson.write(fixed)).doesNotContain("warmupDetection", "details");
    }

    @Test
    void detectionDoesNotDependOnTheNumberOfLanes() {
        assertThat(ExperimentRunner.run(mm1(), 1, null)).isEqualTo(auto);
    }

    @Test
    void batchesObserveARunWithoutChangingIt() {
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            var s = Scenarios.library("flowline5");
            RunOptions o = RunOptions.defaults().withHorizonMillis(3_000 * 60_000L).withReplication(2);
            RunResult plain = runtime.run(s, o);
            RunResult batched = runtime.run(s, o.withBatchMillis(100 * 60_000L));
            assertThat(batched.batches()).hasSize(30);
            assertThat(batched.plant()).isEqualTo(plain.plant());
            assertThat(batched.machines()).isEqualTo(plain.machines());
            assertThat(batched.stations()).isEqualTo(plain.stations());
        }
    }

    @Test
    void warmupAutoInAnExperimentFileChoosesTheKpi() {
        ExperimentFile f = ExperimentFile.parse("""
                name: auto
                base: mm1
                horizon: 20000m
                warmup: auto
                warmupKpi: plant.cycleTimeMeanMinutes
                warmupPilots: 3
                replications: 2
                """, "auto.yaml");
        Experiment e = f.toExperiment(Scenarios.library("mm1"), "auto.yaml");
        assertThat(e.warmup()).isNull();
        assertThat(e.autoWarmup()).isEqualTo(new AutoWarmup("plant.cycleTimeMeanMinutes", 3, 100));
    }

    @Test
    void anUnknownWarmupKpiIsReportedAtItsPath() {
        ExperimentFile f = ExperimentFile.parse("""
                name: auto
                base: mm1
                warmup: auto
                warmupKpi: plant.wip
                """, "auto.yaml");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.toExperiment(Scenarios.library("mm1"), "auto.yaml"))
                .hasMessageContaining("$.warmupKpi").hasMessageContaining("plant.wip")
                .hasMessageContaining("plant.wipMean");
    }
}
