package org.plantwin.learning.forecast.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastMetrics;
import org.plantwin.learning.api.ModelDescriptor;
import org.plantwin.learning.api.TimeSeries;
import org.plantwin.learning.forecast.stat.M4Benchmark;

class NBeatsForecasterTest {

    @Test
    void learnsASeasonalPatternBetterThanNaive() {
        List<TimeSeries> all = DeepFixtures.series();
        List<TimeSeries> train = all.stream().map(s -> s.dropLast(8)).toList();
        try (NBeatsForecaster f = new NBeatsForecaster(DeepFixtures.config().withTrainingSteps(150))) {
            f.fit(train, DeepFixtures.TASK);
            assertBeatsNaive(all, train, f.predict(train));
        }
    }

    /** The summed sMAPE of {@code forecasts} of the last 8 points is below that of the naive forecast. */
    private static void assertBeatsNaive(List<TimeSeries> all, List<TimeSeries> train, List<Forecast> forecasts) {
        double model = 0;
        double naive = 0;
        for (int i = 0; i < all.size(); i++) {
            double[] actual = all.get(i).last(8);
            model += ForecastMetrics.smape(actual, forecasts.get(i).mean());
            naive += ForecastMetrics.smape(actual, M4Benchmark.NAIVE.forecast(train.get(i).values(), 12, 8));
        }
        assertThat(model).isLessThan(naive);
    }

    @Test
    void savedModelLoadsAndForecastsTheSame(@TempDir Path dir) {
        List<TimeSeries> series = DeepFixtures.series();
        List<Forecast> before;
        try (NBeatsForecaster f = new NBeatsForecaster(DeepFixtures.config().withTrainingSteps(20)
                .withSeasonalSkip(true))) {
            f.fit(series, DeepFixtures.TASK);
            f.recordMetrics(Map.of("holdoutSmape", 12.5));
            before = f.predict(series);
            f.save(dir);
        }
        assertThat(dir.resolve("nbeats-0000.params")).exists();
        ModelDescriptor d = ModelStore.readDescriptor(dir.resolve("nbeats.json"));
        assertThat(d.model()).isEqualTo("nbeats");
        assertThat(d.inputs().inputLength()).isEqualTo(24);
        assertThat(d.inputs().horizon()).isEqualTo(8);
        assertThat(d.trainingSeries()).isEqualTo(8);
        assertThat(d.trainingDataSha256()).hasSize(64).isEqualTo(AbstractDeepForecaster.sha256(series));
        assertThat(d.metrics()).containsEntry("holdoutSmape", 12.5);
        assertThat(d.config()).isEqualTo(DeepFixtures.config().withTrainingSteps(20).withSeasonalSkip(true));
        assertThat(d.architecture()).containsEntry("seasonalSkip", 1);
        try (AbstractDeepForecaster loaded = ModelStore.load(dir, "nbeats")) {
            assertThat(loaded.predict(series)).isEqualTo(before);
        }
    }

    @Test
    void logVariantLearnsThePatternAndLoadsUnderItsOwnName(@TempDir Path dir) {
        List<TimeSeries> all = DeepFixtures.series();
        List<TimeSeries> train = all.stream().map(s -> s.dropLast(8)).toList();
        List<Forecast> before;
        try (NBeatsForecaster f = new NBeatsForecaster(DeepFixtures.config().withTrainingSteps(150)
                .withSeasonalSkip(true), WindowScaling.LOG_LEVEL)) {
            f.fit(train, DeepFixtures.TASK);
            before = f.predict(train);
            f.save(dir);
            assertThat(f.descriptor().scaling()).startsWith("ln(value / s)");
        }
        assertBeatsNaive(all, train, before);
        assertThat(dir.resolve("nbeatslog.json")).exists();
        try (AbstractDeepForecaster loaded = ModelStore.load(dir, "nbeatslog")) {
            assertThat(loaded.name()).isEqualTo("nbeatslog");
            assertThat(loaded.predict(train)).isEqualTo(before);
        }
    }

    @Test
    void logScalingInvertsAndFloorsNonPositiveValues() {
        WindowScaling log = WindowScaling.LOG_LEVEL;
        assertThat(log.inverse(log.forward(37.5, 25.0), 25.0)).isCloseTo(37.5, within(1e-9));
        assertThat(log.forward(0, 25.0)).isCloseTo(Math.log(0.01), within(1e-12));
        assertThat(log.inverse(1e6, 2.0)).isFinite();
        assertThat(WindowScaling.MEAN_ABS.inverse(WindowScaling.MEAN_ABS.forward(-3.0, 1.5), 1.5)).isEqualTo(-3.0);
    }

    @Test
    void rejectsAnIncompleteDescriptor(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"formatVersion\": 1, \"model\": \"gru\"}");
        assertThatThrownBy(() -> ModelStore.load(dir, "x")).hasMessageContaining("x.json")
                .hasStackTraceContaining("Cannot map `null` into type `int`");
    }
}
