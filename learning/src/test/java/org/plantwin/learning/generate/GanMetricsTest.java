package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GanMetricsTest {

    private static final GanMetrics.Settings FAST = new GanMetrics.Settings(150, 150, 64, 2, 7);

    @Test
    void identicalSetsAreIndistinguishable() {
        Windows real = Sines.generate(400, 24, 3, 1);
        GanMetrics.Score d = GanMetrics.discriminative(real, real, FAST);
        // The classifier cannot beat chance on identical sets; 160 test windows give noise of about 0.04.
        assertThat(d.mean()).isLessThan(0.1);
        assertThat(GanMetrics.autocorrelationError(real, real)).isZero();
        assertThat(GanMetrics.marginalWasserstein(real, real)).containsOnly(0.0);
    }

    @Test
    void noiseIsEasyToTellFromSines() {
        Windows real = Sines.generate(400, 24, 3, 1);
        Windows noise = uniform(400, 24, 3, 2);
        // A one-unit GRU after 150 steps is a weak classifier, but clearly better than chance here.
        assertThat(GanMetrics.discriminative(real, noise, FAST).mean()).isGreaterThan(0.1);
    }

    @Test
    void shuffledTimeRaisesTheAutocorrelationError() {
        Windows real = Sines.generate(300, 24, 3, 1);
        Windows other = Sines.generate(300, 24, 3, 2);
        Windows shuffled = shuffleTime(other, new SplittableRandom(3));
        double same = GanMetrics.autocorrelationError(real, other);
        double broken = GanMetrics.autocorrelationError(real, shuffled);
        assertThat(same).isLessThan(0.02);
        assertThat(broken).isGreaterThan(0.2).isGreaterThan(10 * same);
        // Shuffling time keeps the marginals.
        assertThat(GanMetrics.marginalWasserstein(other, shuffled)).containsOnly(0.0);
    }

    @Test
    void wassersteinOfShiftedSampleIsTheShift() {
        assertThat(GanMetrics.wasserstein1(new double[] {0, 1, 2}, new double[] {0.5, 1.5, 2.5}))
                .isCloseTo(0.5, within(1e-12));
        assertThat(GanMetrics.wasserstein1(new double[] {0, 1}, new double[] {0, 0, 1, 1})).isCloseTo(0, within(1e-12));
        assertThat(GanMetrics.wasserstein1(new double[] {0}, new double[] {3, 5})).isCloseTo(4, within(1e-12));
    }

    @Test
    void predictiveScoreOfTheRealSetBeatsConstantSynthetic() {
        Windows real = Sines.generate(400, 24, 3, 1);
        float[] v = new float[400 * 24 * 3];
        java.util.Arrays.fill(v, 0.5f);
        Windows flat = new Windows(v, 400, 24, 3);
        GanMetrics.Settings s = new GanMetrics.Settings(10, 300, 64, 1, 7);
        assertThat(GanMetrics.predictive(real, real, s).mean())
                .isLessThan(GanMetrics.predictive(real, flat, s).mean());
    }

    @Test
    void rejectsWindowsOfDifferentShapes() {
        assertThatThrownBy(() -> GanMetrics.autocorrelationError(Sines.generate(10, 24, 3, 1),
                Sines.generate(10, 12, 3, 1))).hasMessageContaining("(24 x 3)").hasMessageContaining("(12 x 3)");
    }

    static Windows uniform(int n, int t, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * t * f];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        return new Windows(v, n, t, f);
    }

    static Windows shuffleTime(Windows w, SplittableRandom r) {
        float[] v = new float[w.values().length];
        for (int i = 0; i < w.count(); i++) {
            int[] p = Windows.permutation(w.length(), r);
            for (int s = 0; s < w.length(); s++) {
                for (int j = 0; j < w.features(); j++) {
                    v[(i * w.length() + s) * w.features() + j] = w.get(i, p[s], j);
                }
            }
        }
        return new Windows(v, w.count(), w.length(), w.features());
    }
}
