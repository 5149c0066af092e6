package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;

class ExperimentRunnerTest {

    private static Experiment buffers() {
        return Experiment.of("buffers", Scenarios.library("flowline5"))
                .withVariants(List.of(Variant.of("buffer5"),
                        Variant.of("buffer1", PathOverride.of("lines[id=line].stations[*].buffer", 1))))
                .withHorizon("3000m").withWarmup("200m").withReplications(8);
    }

    @Test
    void oneLaneAndTwoLanesGiveIdenticalNumbers() {
        ExperimentResult one = ExperimentRunner.run(buffers(), 1, null);
        ExperimentResult two = ExperimentRunner.run(buffers(), 2, null);
        assertThat(two).isEqualTo(one);
        assertThat(ExperimentJson.write(two)).isEqualTo(ExperimentJson.write(one));
    }

    @Test
    void smallBuffersGiveWorseThroughputWithCommonRandomNumbers() {
        ExperimentResult r = ExperimentRunner.run(buffers(), 2, null);
        PairedDifference d = r.comparison("buffer1").difference("plant.throughputPerHour");
        assertThat(d.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(d.verdict()).as(d.toString()).isEqualTo(Verdict.WORSE);
        assertThat(d.difference().upper()).isNegative();
        assertThat(r.variant("buffer1").overrides()).containsExactly(java.util.Map.entry("lines[id=line].stations[*].buffer", "1"));
    }

    @Test
    void progressReportsEveryRun() {
        List<ExperimentProgress> seen = new ArrayList<>();
        ExperimentRunner.run(buffers().withReplications(3), 2, p -> {
            synchronized (seen) {
                seen.add(p);
            }
        });
        assertThat(seen).hasSize(6);
        assertThat(seen).extracting(ExperimentProgress::completedRuns).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(seen).allMatch(p -> p.plannedRuns() == 6);
    }

    @Test
    void badOverridePathIsReportedWithThePath() {
        Experiment e = buffers().withVariants(List.of(Variant.of("x",
                PathOverride.of("machines[id=M9].failures[0].timeBetween.mean", "4h"))));
        assertThatThrownBy(() -> ExperimentRunner.run(e, 1, null))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("machines[id=M9].failures[0].timeBetween.mean")
                .hasMessageContaining("M9")
                .hasMessageContaining("Maybe you meant \"M1\"");
    }

    @Test
    void badOverrideValueIsReportedWithTheOverridePath() {
        Experiment e = buffers().withVariants(List.of(Variant.of("x",
                PathOverride.of("lines[id=line].stations[id=S2].buffer", -4))));
        assertThatThrownBy(() -> ExperimentRunner.run(e, 1, null))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("lines[id=line].stations[id=S2].buffer")
                .hasMessageContaining("$.lines[0].stations[1].buffer")
                .hasMessageContaining("-4");
    }

    @Test
    void unknownKpiNamesTheClosestValidOne() {
        Experiment e = buffers().withKpis(List.of("plant.throughput"));
        assertThatThrownBy(() -> ExperimentRunner.run(e, 1, null))
                .isInstanceOf(UnknownKpiException.class)
                .hasMessageContaining("plant.throughput)")
                .hasMessageContaining("Maybe you meant \"plant.throughputPerHour\"");
        Experiment m = buffers().withKpis(List.of("machines[M3].utilization"));
        assertThatThrownBy(() -> ExperimentRunner.run(m, 1, null))
                .hasMessageContaining("Maybe you meant \"machines[M3].utilisation\"");
    }

    @Test
    void sequentialStopsAfterWholeBatchesOnceTheHalfWidthIsSmallEnough() {
        Experiment e = buffers().withVariants(List.of()).withKpis(List.of("plant.throughputPerHour"))
                .withPrecision(new Precision("plant.wipMean", 0.05, 4, 40));
        ExperimentResult r = ExperimentRunner.run(e, 2, null);
        assertThat(r.replications() % 4).isZero();
        assertThat(r.kpis()).containsExactly("plant.throughputPerHour", "plant.wipMean");
        Summary s = r.variants().get(0).summary("plant.wipMean");
        if (r.precisionReached()) {
            assertThat(s.relativeHalfWidth()).isLessThan(0.05);
            // The batch before did not reach it (else the run would have stopped there).
            double[] fewer = java.util.Arrays.copyOf(r.variants().get(0).valuesOf("plant.wipMean"), r.replications() - 4);
            if (fewer.length >= 2) {
                assertThat(Summary.of(fewer, 0.95).relativeHalfWidth()).isGreaterThanOrEqualTo(0.05);
            }
        } else {
            assertThat(r.replications()).isEqualTo(40);
        }
        assertThat(ExperimentRunner.run(e, 1, null)).isEqualTo(r);
    }
}
