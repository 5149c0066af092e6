package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScenarioDistributionTest {

    @Test
    void quantilesInterpolateBetweenOrderStatisticsAndTheWorstTailFollowsTheDirection() {
        double[] values = {4, 1, 3, 2};

        ScenarioDistribution.KpiDistribution lower = ScenarioDistribution.KpiDistribution.of("plant.wipMean",
                Direction.LOWER_IS_BETTER, values, 0.95);
        ScenarioDistribution.KpiDistribution higher = ScenarioDistribution.KpiDistribution.of(
                "plant.throughputPerHour", Direction.HIGHER_IS_BETTER, values, 0.95);

        // R: quantile(c(4, 1, 3, 2), c(0.05, 0.5, 0.95)) = 1.15, 2.5, 3.85 (type 7).
        assertThat(lower.p5()).isCloseTo(1.15, within(1e-12));
        assertThat(lower.median()).isCloseTo(2.5, within(1e-12));
        assertThat(lower.p95()).isCloseTo(3.85, within(1e-12));
        assertThat(lower.worstCase5()).isEqualTo(lower.p95());
        assertThat(higher.worstCase5()).isEqualTo(higher.p5());
        assertThat(lower.min()).isEqualTo(1);
        assertThat(lower.max()).isEqualTo(4);
        assertThat(lower.mean().mean()).isEqualTo(2.5);
        assertThat(lower.values()).containsExactly(4.0, 1.0, 3.0, 2.0);
        assertThat(ScenarioDistribution.quantile(new double[] {7}, 0.05)).isEqualTo(7);
    }
}
