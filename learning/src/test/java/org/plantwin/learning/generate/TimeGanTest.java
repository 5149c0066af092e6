package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
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
    void timeGanDefaultsFollowThePaper() {
        GanConfig c = GanConfig.defaults(GanConfig.TIMEGAN, 6);
        assertThat(c.hidden()).isEqualTo(24);
        assertThat(c.layers()).isEqualTo(3);
        assertThat(c.noiseDim()).isEqualTo(6);
        assertThat(c.staticNoiseDim()).isZero();
        assertThat(c.momentWeight()).isEqualTo(100);
        assertThat(GanConfig.defaults(GanConfig.RGAN, 6)).isEqualTo(GanConfig.defaults());
        assertThat(new GanConfig(3, 32, 8, 1, 4, 2, 1e-3, 10, 5, 1).architecture()).isEqualTo(GanConfig.RGAN);
        assertThatThrownBy(() -> GanConfig.defaults().withArchitecture("wgan"))
                .hasMessageContaining("architecture (wgan)");
    }
}
