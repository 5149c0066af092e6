package org.plantwin.actors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void quantilesFollowTheNearestRankDefinition() {
        Tally t = new Tally();
        double[] xs = {7, 1, 9, 3, 5, 2, 8, 4, 6, 10};
        for (double x : xs) {
            t.add(x);
        }
        // Nearest rank: the ceil(q n)-th smallest value.
        assertThat(t.quantile(0.5)).isEqualTo(5);
        assertThat(t.quantile(0.95)).isEqualTo(10);
        assertThat(t.quantile(0.1)).isEqualTo(1);
        assertThat(t.quantile(0.11)).isEqualTo(2);
        assertThat(t.mean()).isEqualTo(5.5);
        assertThat(t.max()).isEqualTo(10);
        // Quantiles do not disturb the order of the observations.
        assertThat(t.values()).containsExactly(xs);
    }

    @Test
    void quantileAgreesWithSortingOnManyValues() {
        Tally t = new Tally();
        double[] xs = new double[10_001];
        long z = 12345;
        for (int i = 0; i < xs.length; i++) {
            z = z * 6364136223846793005L + 1442695040888963407L; // test data only
            xs[i] = (z >>> 11) / (double) (1L << 53);
            t.add(xs[i]);
        }
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.01, 0.25, 0.5, 0.95, 0.999}) {
            assertThat(t.quantile(q)).isEqualTo(sorted[(int) Math.ceil(q * xs.length) - 1]);
        }
    }

    @Test
    void timeWeightedMeanIgnoresTheWarmUp() {
        TimeWeighted w = new TimeWeighted(100);
        w.set(0, 10);   // 10 during [0, 150): only [100, 150) counts
        w.set(150, 2);  // 2 during [150, 200)
        assertThat(w.mean(200)).isEqualTo((10 * 50 + 2 * 50) / 100.0);
        assertThat(w.max()).isEqualTo(10);
        assertThat(w.min()).isEqualTo(2);
    }
}
