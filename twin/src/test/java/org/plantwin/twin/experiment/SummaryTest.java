package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void meanSdAndStudentTInterval() {
        Summary s = Summary.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.95);
        assertThat(s.mean()).isEqualTo(5.5);
        assertThat(s.sd()).isCloseTo(3.0276503540974917, within(1e-12));
        // t(0.975, 9) = 2.2621571627...
        assertThat(s.halfWidth()).isCloseTo(2.2621571627 * 3.0276503540974917 / Math.sqrt(10), within(1e-8));
        assertThat(s.contains(5.5)).isTrue();
        assertThat(s.contains(8.0)).isFalse();
    }

    @Test
    void oneObservationHasNoInterval() {
        Summary s = Summary.of(new double[] {3}, 0.95);
        assertThat(s.mean()).isEqualTo(3);
        assertThat(s.halfWidth()).isNaN();
    }

    @Test
    void pairedDifferenceVerdictFollowsTheDirection() {
        double[] base = {10, 11, 12, 13, 14};
        double[] up = {11, 12.1, 12.9, 14.2, 15};
        assertThat(PairedDifference.of("plant.throughputPerHour", Direction.HIGHER_IS_BETTER, base, up, 0.95).verdict())
                .isEqualTo(Verdict.BETTER);
        assertThat(PairedDifference.of("plant.wipMean", Direction.LOWER_IS_BETTER, base, up, 0.95).verdict())
                .isEqualTo(Verdict.WORSE);
        assertThat(PairedDifference.of("x", Direction.NEUTRAL, base, up, 0.95).verdict()).isEqualTo(Verdict.HIGHER);
        double[] noisy = {12, 9, 14, 11, 15};
        assertThat(PairedDifference.of("plant.wipMean", Direction.LOWER_IS_BETTER, base, noisy, 0.95).verdict())
                .isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void kpiDirectionsFromTheFieldName() {
        assertThat(Kpis.direction("plant.throughputPerHour")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Kpis.direction("plant.cycleTimeMeanMinutes")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Kpis.direction("plant.wipMean")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Kpis.direction("stations[id=S1].waitMeanMinutes")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Kpis.direction("machines[M3].utilisation")).isEqualTo(Direction.HIGHER_IS_BETTER);
    }
}
