package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recurrent GAN conditioned on context columns (the last columns of a window). */
class ConditionalGanTest {

    private static final List<String> COLUMNS = List.of("demand", "season");
    private static final int T = 8;

    /** Windows of (demand, season): season 0 or 1 for the whole window; demand near 0.2 in season 0, 0.8 in 1. */
    private static Windows data(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[count * T * 2];
        for (int i = 0; i < count; i++) {
            int season = i % 2;
            double phase = r.nextDouble() * 2 * Math.PI;
            for (int t = 0; t < T; t++) {
                v[(i * T + t) * 2] = (float) ((season == 0 ? 0.2 : 0.8) + 0.1 * Math.sin(phase + t));
                v[(i * T + t) * 2 + 1] = season;
            }
        }
        return new Windows(v, count, T, 2);
    }

    /** {@code n} condition windows of one season. */
    private static Windows season(int n, float s) {
        float[] v = new float[n * T];
        java.util.Arrays.fill(v, s);
        return new Windows(v, n, T, 1);
    }

    private static double meanDemand(Windows w) {
        double sum = 0;
        for (int i = 0; i < w.count(); i++) {
            for (int t = 0; t < T; t++) {
                sum += w.get(i, t, 0);
            }
        }
        return sum / (w.count() * T);
    }

    @Test
    void theGeneratorFollowsTheConditionAndTheModelSavesAndLoads(@TempDir Path dir) {
        GanConfig config = new GanConfig(30, 32, 12, 1, 4, 2, 2e-3, 10, 7, 1);
        MinMaxScaling scaling = new MinMaxScaling(new double[] {0, 0}, new double[] {100, 1}); // demand in units
        float[] low;
        try (TimeSeriesGan gan = TimeSeriesGan.train(data(256, 1), COLUMNS, 1, scaling, config, null)) {
            assertThat(gan.descriptor().conditionColumns()).containsExactly("season");
            Windows w0 = gan.sampleScaled(season(200, 0), 3);
            Windows w1 = gan.sampleScaled(season(200, 1), 3);
            assertThat(w0.features()).isEqualTo(2);
            assertThat(w1.get(5, 3, 1)).isEqualTo(1f); // the condition is copied into the windows
            assertThat(meanDemand(w1) - meanDemand(w0)).as("season 1 minus season 0").isGreaterThan(0.3);
            // In original units: demand scaled by 100, the season as given.
            Windows u = gan.sample(season(4, 1), 3);
            assertThat(u.get(0, 0, 0)).isCloseTo(100 * w1.get(0, 0, 0), within(1e-3f));
            assertThat(u.get(0, 0, 1)).isCloseTo(1f, within(1e-5f));
            low = w0.values();
            gan.save(dir);
        }
        try (TimeSeriesGan gan = TimeSeriesGan.load(dir, 1)) {
            assertThat(gan.descriptor().conditions()).isEqualTo(1);
            assertThat(gan.sampleScaled(season(200, 0), 3).values()).containsExactly(low, within(1e-6f));
            assertThatThrownBy(() -> gan.sampleScaled(10, 1)).hasMessageContaining("conditioned on [season]")
                    .hasMessageContaining("--conditions");
            assertThatThrownBy(() -> gan.sampleScaled(new Windows(new float[2 * T * 2], 2, T, 2), 1))
                    .hasMessageContaining("8 steps x 2 columns").hasMessageContaining("[season]");
            // The metrics' sampling draws one window per real window, for its conditions.
            Windows real = data(50, 2);
            Windows s = gan.sampleScaledFor(real, 4);
            assertThat(s.count()).isEqualTo(50);
            for (int i = 0; i < 50; i++) {
                assertThat(s.get(i, 0, 1)).isEqualTo(real.get(i, 0, 1));
            }
        }
    }

    @Test
    void conditionsNeedAValueToGenerateAndTheRecurrentGan() {
        MinMaxScaling unit = new MinMaxScaling(new double[] {0, 0}, new double[] {1, 1});
        GanConfig small = new GanConfig(1, 16, 4, 1, 2, 1, 1e-3, 10, 1, 1);
        assertThatThrownBy(() -> TimeSeriesGan.train(data(32, 1), COLUMNS, 2, unit, small, null))
                .hasMessageContaining("condition columns (2)").hasMessageContaining("at least one");
        assertThatThrownBy(() -> TimeSeriesGan.train(data(32, 1), COLUMNS, 1, unit,
                GanConfig.defaults("timegan", 2).withEpochs(1), null)).hasMessageContaining("[season]")
                .hasMessageContaining("rgan only");
        try (TimeSeriesGan gan = TimeSeriesGan.train(data(32, 1), COLUMNS, 0, unit, small, null)) {
            assertThatThrownBy(() -> gan.sample(season(2, 0), 1)).hasMessageContaining("no condition columns");
        }
    }
}
