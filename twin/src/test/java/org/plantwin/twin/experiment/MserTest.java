package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MserTest {

    @Test
    void statisticIsTheSquaredStandardErrorOfWhatIsLeftUpToAConstant() {
        double[] x = {1, 2, 3, 4};
        // d=0: mean 2.5, squares 2.25+0.25+0.25+2.25 = 5, / 4^2; d=1: [2,3,4], 2 / 3^2; d=2: [3,4], 0.5 / 2^2
        assertThat(Mser.statistic(x, 0)).isCloseTo(5.0 / 16, within(1e-12));
        assertThat(Mser.statistic(x, 1)).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(Mser.statistic(x, 2)).isCloseTo(0.5 / 4, within(1e-12));
        assertThat(Mser.statistics(x)).containsExactly(new double[] {5.0 / 16, 2.0 / 9, 0.5 / 4}, within(1e-12));
    }

    @Test
    void onePassStatisticsMatchTheDefinition() {
        double[] x = noise(301, 7, 0);
        double[] all = Mser.statistics(x);
        assertThat(all).hasSize(151);
        for (int d = 0; d < all.length; d++) {
            assertThat(all[d]).as("d=%d", d).isCloseTo(Mser.statistic(x, d), within(1e-12));
        }
    }

    @Test
    void dropsADecliningStartAndKeepsTheFirstOfEqualMinima() {
        double[] x = {10, 8, 6, 4, 2, 2, 2, 2, 2, 2};
        assertThat(Mser.truncation(x)).isEqualTo(4);
    }

    @Test
    void searchesTheFirstHalfOnly() {
        // Rising all the way: the minimum lies at the end of the search, n/2.
        assertThat(Mser.truncation(new double[] {1, 2, 3, 4})).isEqualTo(2);
        assertThat(Mser.truncation(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9})).isEqualTo(4);
    }

    @Test
    void findsNoWarmupInAStationarySeries() {
        assertThat(Mser.truncation(new double[] {5, 5, 5, 5, 5, 5})).isZero();
        for (long seed = 1; seed <= 20; seed++) {
            double[] x = noise(200, seed, 0);
            assertThat(Mser.truncation(x)).as("seed %d", seed).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void findsAnExponentialTransient() {
        // Bias 20 e^{-i/10}: below the noise (sd 1) after about 30 observations.
        double[] x = noise(400, 3, 20);
        int d = Mser.truncation(x);
        assertThat(d).isBetween(15, 60);
    }

    @Test
    void mser5WorksOnBatchMeansOfFive() {
        assertThat(Mser.batchMeans(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 5)).containsExactly(3, 8);
        double[] x = new double[500];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (i < 50 ? 10 : 0) + r.nextDouble() - 0.5;
        }
        assertThat(Mser.truncationMser5(x)).isEqualTo(50);
    }

    /** Standard normal noise plus a bias {@code bias * e^{-i/10}}; Box-Muller on a seeded generator. */
    private static double[] noise(int n, long seed, double bias) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            x[i] = z + bias * Math.exp(-i / 10.0);
        }
        return x;
    }
}
