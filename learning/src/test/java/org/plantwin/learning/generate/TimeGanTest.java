package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeGanTest {

    /** 2 epochs of 4 iterations per phase on 128 windows: seconds, not a useful model. */
    static final GanConfig TINY = GanConfig.defaults(GanConfig.TIMEGAN, 2).withEpochs(2).withHidden(6)
            .withLayers(2).withSeed(5);
    private static final MinMaxScaling UNIT = new MinMaxScaling(new double[] {0, 0}, new double[] {1, 1});

    @Test
    void sameSeedGivesTheSameSamplesAndSaveLoadKeepsThem(@TempDir Path dir) {
        Windows data = Sines.generate(128, 12, 2, 3);
        GanConfig c = new GanConfig(TINY.epochs(), 32, TINY.hidden(), TINY.layers(), TINY.noiseDim(),
                TINY.staticNoiseDim(), TINY.learningRate(), TINY.momentWeight(), TINY.seed(), 1, null,
                GanConfig.TIMEGAN);
        float[] a;
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), UNIT, c, null)) {
            a = g.sampleScaled(10, 9).values();
            g.save(dir);
            assertThat(g.descriptor().model()).isEqualTo("timegan");
            assertThat(g.descriptor().metrics()).containsKeys("reconstructionLoss", "supervisedLoss",
                    "discriminatorLoss", "generatorLoss", "momentLoss");
        }
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), UNIT, c, null)) {
            assertThat(g.sampleScaled(10, 9).values()).containsExactly(a, within(1e-5f));
        }
        assertThat(dir.resolve("gan.json")).exists();
        assertThat(dir.resolve("gan-generator-0000.params")).exists();
        assertThat(dir.resolve("gan-supervisor-0000.params")).exists();
        assertThat(dir.resolve("gan-recovery-0000.params")).exists();
        try (TimeSeriesGan g = TimeSeriesGan.load(dir, 1)) {
            assertThat(g.descriptor().config().architecture()).isEqualTo(GanConfig.TIMEGAN);
            Windows s = g.sampleScaled(10, 9);
            assertThat(s.values()).containsExactly(a, within(1e-6f));
            assertThat(s.count()).isEqualTo(10);
            assertThat(s.length()).isEqualTo(12);
            assertThat(s.features()).isEqualTo(2);
            for (float v : s.values()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void eachStepUpdatesOnlyItsOwnNetworksAndLeavesNoGradientBehind() {
        Windows data = Sines.generate(64, 8, 2, 3);
        Map<String, Double> last = new HashMap<>();
        TimeGan.Networks n = new TimeGan.Networks(TINY, 8, 2, 16, TimeSeriesGan.seededDevice(TINY));
        try (n) {
            TimeGan.Phases p = new TimeGan.Phases(data, TINY, new SplittableRandom(1), n, 16);
            assertThat(changedBy(n, p::embedding)).containsExactly("embedder", "gan-recovery");
            assertThat(changedBy(n, p::supervised)).containsExactly("gan-supervisor");
            try (NDManager m = n.te.getManager().newSubManager()) {
                NDArray x = p.realBatch(m);
                assertThat(changedBy(n, () -> p.generatorStep(m, x, last)))
                        .containsExactly("gan-generator", "gan-supervisor");
                assertThat(changedBy(n, () -> p.embedderStep(x, last))).containsExactly("embedder", "gan-recovery");
            }
            p.discriminatorStep(last);
            assertThat(last.get("discriminatorLoss")).isGreaterThan(0.15); // so it was applied:
            assertThat(changedBy(n, () -> p.discriminatorStep(last))).containsExactly("discriminator");
        } finally {
            n.closeSampler();
        }
    }

    /** Names of the networks whose parameters {@code step} changed; checks that no gradient is left anywhere. */
    private static List<String> changedBy(TimeGan.Networks n, Runnable step) {
        List<float[]> before = n.all().stream().map(TimeGanTest::parameters).toList();
        step.run();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            Model m = n.all().get(i);
            if (!Arrays.equals(before.get(i), parameters(m))) {
                changed.add(m.getName());
            }
            for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
                float[] g = p.getValue().getArray().getGradient().toFloatArray();
                assertThat(g).as(m.getName() + " " + p.getKey() + " gradient").containsOnly(0f);
            }
        }
        return changed;
    }

    private static float[] parameters(Model m) {
        List<float[]> parts = new ArrayList<>();
        for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
            parts.add(p.getValue().getArray().toFloatArray());
        }
        float[] all = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int k = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, all, k, a.length);
            k += a.length;
        }
        return all;
    }

    @Test
    void timeGanDefaultsFollowThePaper() {
        GanConfig c = GanConfig.defaults(GanConfig.TIMEGAN, 6);
        assertThat(c.hidden()).isEqualTo(24);
        assertThat(c.layers()).isEqualTo(3);
        assertThat(c.noiseDim()).isEqualTo(6);
        assertThat(c.staticNoiseDim()).isZero();
        assertThat(c.momentWeight()).isEqualTo(100);
        assertThat(c.ema()).isZero();
        assertThat(GanConfig.defaults(GanConfig.RGAN, 6)).isEqualTo(GanConfig.defaults());
        assertThat(GanConfig.defaults().ema()).isEqualTo(GanConfig.DEFAULT_EMA_DECAY);
        assertThatThrownBy(() -> c.withEmaDecay(0.9)).hasMessageContaining("emaDecay 0.9")
                .hasMessageContaining("rgan only");
        assertThat(new GanConfig(3, 32, 8, 1, 4, 2, 1e-3, 10, 5, 1).architecture()).isEqualTo(GanConfig.RGAN);
        assertThatThrownBy(() -> GanConfig.defaults().withArchitecture("wgan"))
                .hasMessageContaining("architecture (wgan)");
    }
}
