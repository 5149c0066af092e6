package org.plantwin.learning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RulMetricsTest {

    // d = predicted - true = -3 (early), +10 (late), 0
    private static final double[] PREDICTED = {10, 20, 30};
    private static final double[] TRUTH = {13, 10, 30};

    @Test
    void rmseByHand() {
        // sqrt((9 + 100 + 0) / 3) = sqrt(36.3333)
        assertThat(RulMetrics.rmse(PREDICTED, TRUTH)).isCloseTo(6.027714, within(1e-6));
    }

    @Test
    void scorePenalisesLatePredictionsMore() {
        // (exp(3/13) - 1) + (exp(10/10) - 1) + 0 = 0.259568 + 1.718282
        assertThat(RulMetrics.score(PREDICTED, TRUTH)).isCloseTo(1.977850, within(1e-6));
        assertThat(RulMetrics.score(new double[] {20}, new double[] {10}))
                .isGreaterThan(RulMetrics.score(new double[] {0}, new double[] {10}));
    }

    @Test
    void perfectPredictionsScoreZero() {
        assertThat(RulMetrics.rmse(TRUTH, TRUTH)).isZero();
        assertThat(RulMetrics.score(TRUTH, TRUTH)).isZero();
    }
}
