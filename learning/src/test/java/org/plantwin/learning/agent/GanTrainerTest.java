package org.plantwin.learning.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.learning.generate.GanConfig;
import org.plantwin.learning.generate.TimeSeriesGan;
import org.plantwin.learning.generate.Windows;

/** The GAN's learning actor, driven by Pekko's ActorTestKit (tiny networks, a few steps). */
class GanTrainerTest {

    private static final ActorTestKit TESTKIT = ActorTestKit.create();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final GanConfig SMALL = new GanConfig(2, 16, 6, 1, 4, 2, 1e-3, 10, 5, 1);
    private static final List<String> COLUMNS = List.of("demand", "leadTime");

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        TESTKIT.shutdownTestKit();
    }

    private static double[] step(int t) {
        return new double[] {100 + 30 * Math.sin(t / 3.0), 2 + Math.cos(t / 5.0)};
    }

    @Test
    void trainsAfterEveryRetrainEveryStepsSavesEachVersionAndSamplesInTheHistorysUnits() {
        ActorRef<GanTrainer.Command> trainer = TESTKIT.spawn(GanTrainer.create(COLUMNS, 8, SMALL, false,
                dir.resolve("gan"), 40));
        TestProbe<GanTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new GanTrainer.Subscribe(probe.getRef()));
        TestProbe<GanTrainer.Samples> samples = TESTKIT.createTestProbe();
        trainer.tell(new GanTrainer.Sample(5, 1, samples.getRef()));
        assertThat(samples.receiveMessage(WAIT).error()).contains("No model");
        for (int t = 0; t < 80; t++) {
            trainer.tell(new GanTrainer.Observed(step(t)));
        }
        GanTrainer.ModelPublished v1 = probe.expectMessageClass(GanTrainer.ModelPublished.class, WAIT);
        GanTrainer.ModelPublished v2 = probe.expectMessageClass(GanTrainer.ModelPublished.class, WAIT);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.stepsSeen()).isEqualTo(40);
        assertThat(v1.modelDir()).isEqualTo(dir.resolve("gan/v0001"));
        assertThat(v1.descriptor().trainingWindows()).isEqualTo(40 - 8 + 1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.stepsSeen()).isEqualTo(80);
        assertThat(v2.descriptor().columns()).isEqualTo(COLUMNS);
        assertThat(v2.modelDir().resolve("gan.json")).isRegularFile();
        assertThat(v1.modelDir().resolve("gan.json")).isRegularFile();

        trainer.tell(new GanTrainer.Sample(6, 3, samples.getRef()));
        GanTrainer.Samples s = samples.receiveMessage(WAIT);
        assertThat(s.error()).isNull();
        assertThat(s.version()).isEqualTo(2);
        Windows w = s.windows();
        assertThat(w.count()).isEqualTo(6);
        assertThat(w.length()).isEqualTo(8);
        for (int i = 0; i < w.count(); i++) {
            for (int t = 0; t < w.length(); t++) {
                assertThat((double) w.get(i, t, 0)).isBetween(70.0 - 1e-3, 130.0 + 1e-3); // demand's range
                assertThat((double) w.get(i, t, 1)).isBetween(1.0 - 1e-3, 3.0 + 1e-3); // lead time's range
            }
        }
        // The published folder holds the same model as the one the actor samples.
        try (TimeSeriesGan loaded = TimeSeriesGan.load(v2.modelDir(), 1)) {
            assertThat(loaded.sample(6, 3).values()).containsExactly(w.values(), within(1e-3f));
        }
    }

    @Test
    void reportsBadStepsAShortHistoryAndAForeignCsvAndKeepsTheLastVersion() throws Exception {
        ActorRef<GanTrainer.Command> trainer = TESTKIT.spawn(GanTrainer.create(COLUMNS, 8, SMALL, false,
                dir.resolve("gan"), 1_000));
        TestProbe<GanTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new GanTrainer.Subscribe(probe.getRef()));
        trainer.tell(new GanTrainer.Observed(new double[] {1}));
        assertThat(probe.expectMessageClass(GanTrainer.TrainingFailed.class, WAIT).reason())
                .contains("Step 0 has 1 values").contains("[demand, leadTime]");
        trainer.tell(new GanTrainer.Observed(new double[] {1, Double.NaN}));
        assertThat(probe.expectMessageClass(GanTrainer.TrainingFailed.class, WAIT).reason())
                .contains("column leadTime").contains("(NaN)");
        trainer.tell(GanTrainer.Retrain.INSTANCE);
        assertThat(probe.expectMessageClass(GanTrainer.TrainingFailed.class, WAIT).reason())
                .contains("0 steps").contains("(8)");

        StringBuilder csv = new StringBuilder("demand,leadTime\n");
        for (int t = 0; t < 30; t++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f%n", step(t)[0], step(t)[1]));
        }
        Path good = Files.writeString(dir.resolve("history.csv"), csv);
        trainer.tell(new GanTrainer.LoadCsv(good.toString()));
        GanTrainer.ModelPublished v1 = probe.expectMessageClass(GanTrainer.ModelPublished.class, WAIT);
        assertThat(v1.stepsSeen()).isEqualTo(30);

        Path foreign = Files.writeString(dir.resolve("other.csv"), "price,leadTime\n1,2\n");
        trainer.tell(new GanTrainer.LoadCsv(foreign.toString()));
        assertThat(probe.expectMessageClass(GanTrainer.TrainingFailed.class, WAIT).reason())
                .contains("[price, leadTime]").contains("[demand, leadTime]");
        trainer.tell(new GanTrainer.LoadCsv(dir.resolve("missing.csv").toString()));
        assertThat(probe.expectMessageClass(GanTrainer.TrainingFailed.class, WAIT).reason()).contains("missing.csv");
        // The history of the good CSV is kept: a retrain publishes version 2 on its 30 steps.
        trainer.tell(GanTrainer.Retrain.INSTANCE);
        GanTrainer.ModelPublished v2 = probe.expectMessageClass(GanTrainer.ModelPublished.class, WAIT);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.stepsSeen()).isEqualTo(30);
    }

    @Test
    void aNewTrainerContinuesTheVersionNumbersOfItsFolder() throws Exception {
        Files.createDirectories(dir.resolve("gan/v0007"));
        ActorRef<GanTrainer.Command> trainer = TESTKIT.spawn(GanTrainer.create(COLUMNS, 8, SMALL, false,
                dir.resolve("gan"), 20));
        TestProbe<GanTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new GanTrainer.Subscribe(probe.getRef()));
        for (int t = 0; t < 20; t++) {
            trainer.tell(new GanTrainer.Observed(step(t)));
        }
        GanTrainer.ModelPublished v = probe.expectMessageClass(GanTrainer.ModelPublished.class, WAIT);
        assertThat(v.version()).isEqualTo(8);
        assertThat(v.modelDir()).isEqualTo(dir.resolve("gan/v0008"));
    }

    @Test
    void aConditionedTrainerGeneratesForTheConditionsItIsGiven() {
        // Demand near 20 in season 0 and near 80 in season 1, in blocks of 30 steps; windows of 6.
        ActorRef<GanTrainer.Command> trainer = TESTKIT.spawn(GanTrainer.create(List.of("demand", "season"), 1, 6,
                new GanConfig(30, 32, 12, 1, 4, 2, 2e-3, 10, 7, 1), false, dir.resolve("cgan"), 600));
        TestProbe<GanTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new GanTrainer.Subscribe(probe.getRef()));
        for (int t = 0; t < 600; t++) {
            int season = (t / 30) % 2;
            trainer.tell(new GanTrainer.Observed(new double[] {(season == 0 ? 20 : 80) + 5 * Math.sin(t), season}));
        }
        GanTrainer.ModelPublished v = probe.expectMessageClass(GanTrainer.ModelPublished.class, WAIT);
        assertThat(v.descriptor().conditionColumns()).containsExactly("season");

        TestProbe<GanTrainer.Samples> samples = TESTKIT.createTestProbe();
        trainer.tell(new GanTrainer.SampleFor(seasons(100, 0), 5, samples.getRef()));
        Windows low = samples.receiveMessage(WAIT).windows();
        trainer.tell(new GanTrainer.SampleFor(seasons(100, 1), 5, samples.getRef()));
        Windows high = samples.receiveMessage(WAIT).windows();
        assertThat(high.get(3, 2, 1)).isEqualTo(1f); // the conditions come back with the values
        assertThat(meanOfColumn0(high) - meanOfColumn0(low)).as("season 1 minus season 0").isGreaterThan(25);

        trainer.tell(new GanTrainer.Sample(4, 1, samples.getRef()));
        assertThat(samples.receiveMessage(WAIT).error()).contains("conditioned on [season]").contains("SampleFor");
        trainer.tell(new GanTrainer.SampleFor(new Windows(new float[8], 1, 8, 1), 1, samples.getRef()));
        assertThat(samples.receiveMessage(WAIT).error()).contains("8 steps").contains("[season]");
        assertThatThrownBy(() -> GanTrainer.create(COLUMNS, 2, 8, SMALL, false, dir, 10))
                .hasMessageContaining("(2)").hasMessageContaining("at least one");
    }

    private static Windows seasons(int n, float season) {
        float[] v = new float[n * 6];
        java.util.Arrays.fill(v, season);
        return new Windows(v, n, 6, 1);
    }

    private static double meanOfColumn0(Windows w) {
        double sum = 0;
        for (int i = 0; i < w.count(); i++) {
            for (int t = 0; t < w.length(); t++) {
                sum += w.get(i, t, 0);
            }
        }
        return sum / (w.count() * w.length());
    }

    @Test
    void settingsAreCheckedWhenTheTrainerIsMade() {
        assertThatThrownBy(() -> GanTrainer.create(COLUMNS, 1, SMALL, false, dir, 10))
                .hasMessageContaining("seqLen (1)");
        assertThatThrownBy(() -> GanTrainer.create(List.of(), 8, SMALL, false, dir, 10))
                .hasMessageContaining("at least one column");
        assertThatThrownBy(() -> GanTrainer.create(COLUMNS, 8, GanConfig.defaults("timegan", 2), true, dir, 10))
                .hasMessageContaining("rgan only");
    }
}
