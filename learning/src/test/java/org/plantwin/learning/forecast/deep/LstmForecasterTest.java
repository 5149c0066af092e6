package org.plantwin.learning.forecast.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.api.Forecast;

class LstmForecasterTest {

    @Test
    void trainingReducesTheLoss() {
        try (LstmForecaster f = new LstmForecaster(DeepFixtures.config())) {
            f.fit(DeepFixtures.series(), DeepFixtures.TASK);
            List<Double> losses = f.trainingLosses();
            assertThat(losses).hasSize(80);
            double first = mean(losses.subList(0, 10));
            double last = mean(losses.subList(70, 80));
            assertThat(last).isLessThan(0.6 * first);
        }
    }

    @Test
    void sameSeedGivesTheSameForecasts() {
        List<Forecast> a = fitAndPredict(7);
        List<Forecast> b = fitAndPredict(7);
        List<Forecast> c = fitAndPredict(8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void forecastsOrderedQuantilesWithTheMedianAsPoint() {
        Forecast f = fitAndPredict(7).get(0);
        assertThat(f.quantiles()).containsOnlyKeys(0.1, 0.5, 0.9);
        assertThat(f.mean()).containsExactly(f.quantile(0.5));
        double[] lo = f.quantile(0.1);
        double[] hi = f.quantile(0.9);
        for (int k = 0; k < f.horizon(); k++) {
            assertThat(lo[k]).isLessThanOrEqualTo(f.mean()[k]);
            assertThat(hi[k]).isGreaterThanOrEqualTo(f.mean()[k]);
        }
    }

    private static List<Forecast> fitAndPredict(long seed) {
        try (LstmForecaster f = new LstmForecaster(DeepFixtures.config().withSeed(seed))) {
            f.fit(DeepFixtures.series(), DeepFixtures.TASK);
            return f.predict(DeepFixtures.series());
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
