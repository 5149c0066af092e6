package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSeriesGanTest {

    private static final GanConfig SMALL = new GanConfig(3, 32, 8, 1, 4, 2, 1e-3, 10, 5, 1);

    @Test
    void sameSeedGivesTheSameSamplesAndSaveLoadKeepsThem(@TempDir Path dir) {
        Windows data = Sines.generate(128, 12, 2, 3);
        MinMaxScaling unit = new MinMaxScaling(new double[] {0, 0}, new double[] {1, 1});
        float[] a;
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, SMALL, null)) {
            a = g.sampleScaled(10, 9).values();
            g.save(dir);
            assertThat(g.descriptor().trainingWindows()).isEqualTo(128);
        }
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, SMALL, null)) {
            assertThat(g.sampleScaled(10, 9).values()).containsExactly(a, within(1e-5f));
        }
        assertThat(dir.resolve("gan.json")).exists();
        try (TimeSeriesGan g = TimeSeriesGan.load(dir, 1)) {
            Windows s = g.sampleScaled(10, 9);
            assertThat(s.values()).containsExactly(a, within(1e-6f));
            assertThat(s.length()).isEqualTo(12);
            for (float v : s.values()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void weightAveragingIsSeededAndChangesTheGenerator() {
        Windows data = Sines.generate(128, 12, 2, 3);
        MinMaxScaling unit = new MinMaxScaling(new double[] {0, 0}, new double[] {1, 1});
        float[] plain;
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, SMALL, null)) {
            plain = g.sampleScaled(10, 9).values();
        }
        float[] a;
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, SMALL.withEmaDecay(0.9), null)) {
            a = g.sampleScaled(10, 9).values();
            assertThat(g.descriptor().config().ema()).isEqualTo(0.9);
        }
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, SMALL.withEmaDecay(0.9), null)) {
            assertThat(g.sampleScaled(10, 9).values()).containsExactly(a, within(1e-5f));
        }
        assertThat(a).isNotEqualTo(plain);
        assertThatThrownBy(() -> SMALL.withEmaDecay(1)).hasMessageContaining("(1.0)").hasMessageContaining("[0, 1)");
    }

    @Test
    void theSupervisedLossIsSeededChangesTheGeneratorAndIsRecordedInTheDescriptor(@TempDir Path dir) {
        Windows data = Sines.generate(128, 12, 2, 3);
        MinMaxScaling unit = new MinMaxScaling(new double[] {0, 0}, new double[] {1, 1});
        GanConfig supervised = SMALL.withSupervisedWeight(10);
        float[] plain;
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, SMALL, null)) {
            plain = g.sampleScaled(10, 9).values();
        }
        float[] a;
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, supervised, null)) {
            a = g.sampleScaled(10, 9).values();
            g.save(dir);
        }
        try (TimeSeriesGan g = TimeSeriesGan.train(data, List.of("a", "b"), unit, supervised, null)) {
            assertThat(g.sampleScaled(10, 9).values()).containsExactly(a, within(1e-5f));
        }
        assertThat(a).isNotEqualTo(plain);
        try (TimeSeriesGan g = TimeSeriesGan.load(dir, 1)) {
            assertThat(g.descriptor().config().supervised()).isEqualTo(10.0);
        }
        assertThatThrownBy(() -> SMALL.withSupervisedWeight(-1)).hasMessageContaining("supervised weight (-1.0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {GanConfig.RGAN, GanConfig.TIMEGAN})
    void samplesComeBackInOriginalUnits(String architecture, @TempDir Path dir) throws Exception {
        GanConfig config = architecture.equals(GanConfig.RGAN) ? SMALL : TimeGanTest.TINY;
        Path csv = dir.resolve("series.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 80; i++) {
            sb.append(100 + 10 * Math.sin(i / 3.0)).append(',').append(5 + Math.cos(i / 4.0)).append('\n');
        }
        Files.writeString(csv, sb.toString());
        try (TimeSeriesGan g = TimeSeriesGan.train(GanCsv.readSeries(csv), 24, config, null)) {
            assertThat(g.descriptor().model()).isEqualTo(architecture);
            Windows s = g.sample(4, 1);
            for (int i = 0; i < 4; i++) {
                assertThat(s.get(i, 0, 0)).isBetween(89.9f, 110.1f);
                assertThat(s.get(i, 0, 1)).isBetween(3.9f, 6.1f);
            }
        }
    }

    @Test
    void loadNamesTheMissingDescriptor(@TempDir Path dir) {
        assertThatThrownBy(() -> TimeSeriesGan.load(dir, 1)).hasMessageContaining(dir.toString())
                .hasMessageContaining("gan.json");
    }

    @Test
    void slidingWindowsFollowTimeGansProtocol() {
        double[][] rows = {{0, 10}, {1, 11}, {2, 12}, {3, 13}};
        Windows w = Windows.sliding(MinMaxScaling.fit(rows).scale(rows), 3);
        assertThat(w.count()).isEqualTo(2);
        assertThat(w.get(1, 0, 0)).isEqualTo(1f / 3, within(1e-6f));
        assertThat(w.get(1, 2, 1)).isEqualTo(1f, within(1e-6f));
    }

    @Test
    void csvErrorsNameFileLineAndValue(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b\n1,2\n3,oops\n");
        assertThatThrownBy(() -> GanCsv.readSeries(csv)).hasMessageContaining(csv + ":3")
                .hasMessageContaining("(oops)").hasMessageContaining("column b");
    }
}
