package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * Coverage of the Student-t interval on M/M/1 with lambda = 0.5, mu = 1 per minute: the mean wait in queue is
 * rho / (mu - lambda) = 1.0 minute. Over many independent experiments (seeds 1..N, each 10 replications of a short
 * horizon after a warm-up) the 95% interval should contain 1.0 in 93-97% of them.
 * About 14 s for 400 experiments on 2 cores, so it runs by default. More: {@code mvn -pl twin test
 * -Dtest=ConfidenceCoverageTest -Dplantwin.coverage.experiments=2000}.
 */
class ConfidenceCoverageTest {

    static final String KPI = "stations[S1].waitMeanMinutes";

    @Test
    void ninetyFivePercentIntervalsCoverTheTrueMeanWaitOfMM1() {
        int experiments = Integer.getInteger("plantwin.coverage.experiments", 400);
        String horizon = System.getProperty("plantwin.coverage.horizon", "4000m");
        Scenario mm1 = Scenarios.library("mm1");
        int covered = 0;
        double sumMean = 0;
        double sumHalfWidth = 0;
        try (SimulationRuntime runtime = SimulationRuntime.create(Runtime.getRuntime().availableProcessors())) {
            for (int seed = 1; seed <= experiments; seed++) {
                Experiment e = Experiment.of("mm1-coverage", mm1)
                        .withVariants(List.of(Variant.of("rho0.5",
                                PathOverride.of("sources[*].interarrival.mean", "2m"))))
                        .withKpis(List.of(KPI)).withSeed((long) seed).withHorizon(horizon).withWarmup("100m")
                        .withReplications(10);
                Summary s = ExperimentRunner.run(e, runtime, null).variants().get(0).summary(KPI);
                covered += s.contains(1.0) ? 1 : 0;
                sumMean += s.mean();
                sumHalfWidth += s.halfWidth();
            }
        }
        double coverage = (double) covered / experiments;
        System.out.printf(java.util.Locale.ROOT,
                "M/M/1 coverage: %d of %d experiments (%.1f%%), mean of means %.4f, mean half-width %.4f (horizon %s)%n",
                covered, experiments, 100 * coverage, sumMean / experiments, sumHalfWidth / experiments, horizon);
        assertThat(coverage).isBetween(0.93, 0.97);
    }
}
