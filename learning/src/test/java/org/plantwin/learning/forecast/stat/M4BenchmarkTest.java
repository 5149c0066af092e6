package org.plantwin.learning.forecast.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.api.ForecastMetrics;
import org.plantwin.learning.api.TestData;

class M4BenchmarkTest {

    private static final int M = 24;
    private static final int H = 48;

    /** 30 days of a daily cycle (multiplicative) on a slowly rising level, with noise. */
    private static double[] seasonalSeries(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[days * M];
        for (int t = 0; t < x.length; t++) {
            double level = 100 + 0.05 * t;
            x[t] = level * (1 + 0.5 * Math.sin(2 * Math.PI * t / M)) + random.nextGaussian();
        }
        return x;
    }

    @Test
    void seasonalNaiveBeatsNaiveOnASeasonalSeries() {
        double[] all = seasonalSeries(30, 1);
        double[] train = java.util.Arrays.copyOf(all, all.length - H);
        double[] test = java.util.Arrays.copyOfRange(all, all.length - H, all.length);
        double naive = ForecastMetrics.smape(test, M4Benchmark.NAIVE.forecast(train, M, H));
        double seasonal = ForecastMetrics.smape(test, M4Benchmark.SEASONAL_NAIVE.forecast(train, M, H));
        double naive2 = ForecastMetrics.smape(test, M4Benchmark.NAIVE2.forecast(train, M, H));
        assertThat(seasonal).isLessThan(naive / 5);
        assertThat(naive2).isLessThan(naive / 5);
    }

    @Test
    void seasonalityTestPassesOnHourlyDataAndFailsOnNoise() {
        assertThat(SeasonalAdjustment.isSeasonal(TestData.m4HourlyTrain().get(0).values(), M)).isTrue();
        double[] noise = new SplittableRandom(7).doubles(700).toArray();
        assertThat(SeasonalAdjustment.isSeasonal(noise, M)).isFalse();
        // Shorter than three cycles: never seasonal, as in the M4 code.
        assertThat(SeasonalAdjustment.isSeasonal(java.util.Arrays.copyOf(seasonalSeries(30, 1), 3 * M - 1), M))
                .isFalse();
    }

    @Test
    void multiplicativeDecompositionRecoversExactSeasonalFactors() {
        int m = 4;
        double[] factors = {0.5, 1.5, 1.2, 0.8}; // mean 1
        double[] x = new double[40];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 * factors[t % m];
        }
        double[] seasonal = SeasonalAdjustment.multiplicativeSeasonal(x, m);
        for (int t = 0; t < x.length; t++) {
            assertThat(seasonal[t]).isCloseTo(factors[t % m], within(1e-12));
        }
    }

    @Test
    void holtContinuesAnExactLine() {
        double[] line = new double[50];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 + 2 * t;
        }
        double[] f = M4Benchmark.HOLT.forecast(line, 1, 5);
        for (int k = 0; k < 5; k++) {
            assertThat(f[k]).isCloseTo(3 + 2 * (50 + k), within(1e-3));
        }
    }

    @Test
    void sesFitsWithinTheEtsBoundsAndForecastsAFlatLine() {
        double[] x = new SplittableRandom(3).doubles(200, 90, 110).toArray();
        ExponentialSmoothing ses = ExponentialSmoothing.fit(x, ExponentialSmoothing.Trend.NONE);
        assertThat(ses.alpha()).isBetween(1e-4, 0.9999);
        double[] f = ses.forecast(3);
        assertThat(f[0]).isEqualTo(f[2]).isBetween(90.0, 110.0);
        // The optimum beats the starting point alpha = 0.2 on MSE.
        assertThat(ses.mse()).isLessThanOrEqualTo(mseOfSes(x, 0.19996));
    }

    @Test
    void dampedTrendKeepsPhiWithinItsBoundsAndFlattens() {
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = 50 + 10 * Math.log1p(t) + Math.sin(t);
        }
        ExponentialSmoothing damped = ExponentialSmoothing.fit(x, ExponentialSmoothing.Trend.DAMPED);
        assertThat(damped.phi()).isBetween(0.8, 0.98);
        assertThat(damped.beta()).isLessThanOrEqualTo(damped.alpha());
        double[] f = damped.forecast(200);
        assertThat(Math.abs(f[199] - f[198])).isLessThan(Math.abs(f[1] - f[0]) + 1e-12);
    }

    @Test
    void thetaAndCombForecastNonNegativeValuesOfTheHorizonsLength() {
        double[] x = TestData.m4HourlyTrain().get(3).values();
        assertThat(java.util.Arrays.stream(M4Benchmark.THETA.forecast(x, M, H)).boxed()).hasSize(H)
                .allSatisfy(v -> assertThat(v).isNotNegative());
        double[] comb = M4Benchmark.COMB.forecast(x, M, H);
        double[] ses = M4Benchmark.SES.forecast(x, M, H);
        double[] holt = M4Benchmark.HOLT.forecast(x, M, H);
        double[] damped = M4Benchmark.DAMPED.forecast(x, M, H);
        for (int k = 0; k < H; k++) {
            assertThat(comb[k]).isCloseTo((ses[k] + holt[k] + damped[k]) / 3, within(1e-9));
        }
    }

    @Test
    void nelderMeadFindsTheMinimumOfAQuadratic() {
        NelderMead.Result r = NelderMead.minimise(p -> (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1),
                new double[] {0.5, 0.5}, Double.NEGATIVE_INFINITY, 1e-12, 2000);
        assertThat(r.point()[0]).isCloseTo(3, within(1e-4));
        assertThat(r.point()[1]).isCloseTo(-1, within(1e-4));
    }

    private static double mseOfSes(double[] x, double alpha) {
        double l = 0;
        for (int i = 0; i < 10; i++) {
            l += x[i] / 10;
        }
        double sse = 0;
        for (double v : x) {
            double e = v - l;
            sse += e * e;
            l += alpha * e;
        }
        return sse / x.length;
    }
}
