package org.plantwin.learning.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.api.ForecastTask;

/** The learning actor, driven by Pekko's ActorTestKit. */
class ForecastTrainerTest {

    private static final ActorTestKit TESTKIT = ActorTestKit.create();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterAll
    static void stop() {
        TESTKIT.shutdownTestKit();
    }

    @Test
    void publishesANewVersionAfterEveryRetrainEveryPeriods() {
        ActorRef<ForecastTrainer.Command> trainer = TESTKIT.spawn(
                ForecastTrainer.create("snaive", new ForecastTask(7, 7), 14));
        TestProbe<ForecastTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new ForecastTrainer.Subscribe(probe.getRef()));
        for (int day = 0; day < 28; day++) {
            trainer.tell(new ForecastTrainer.DemandObserved("FG/A", day, day % 7 < 5 ? 120 : 50));
        }
        ForecastTrainer.ModelPublished v1 = probe.expectMessageClass(ForecastTrainer.ModelPublished.class, WAIT);
        ForecastTrainer.ModelPublished v2 = probe.expectMessageClass(ForecastTrainer.ModelPublished.class, WAIT);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.periodsSeen()).isEqualTo(14);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.periodsSeen()).isEqualTo(28);
        assertThat(v2.model()).isEqualTo("snaive");
        // Seasonal naive repeats the last week: five weekdays, then the weekend.
        assertThat(v2.forecasts().get(0).mean()).containsExactly(120, 120, 120, 120, 120, 50, 50);
        assertThat(v2.trainingDataSha256()).hasSize(64).isNotEqualTo(v1.trainingDataSha256());
        probe.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void trainsOnACsvAndReportsAnUnreadableOne() {
        ActorRef<ForecastTrainer.Command> trainer = TESTKIT.spawn(
                ForecastTrainer.create("theta", new ForecastTask(48, 24), 1_000));
        TestProbe<ForecastTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new ForecastTrainer.Subscribe(probe.getRef()));
        Path csv = Path.of("src/test/resources/testdata/m4-hourly-train-H1-H10.csv");
        trainer.tell(new ForecastTrainer.LoadCsv(csv.toString()));
        ForecastTrainer.ModelPublished m = probe.expectMessageClass(ForecastTrainer.ModelPublished.class, WAIT);
        assertThat(m.forecasts()).hasSize(10);
        assertThat(m.forecasts().get(0).seriesId()).isEqualTo("H1");
        assertThat(m.forecasts().get(0).horizon()).isEqualTo(48);
        trainer.tell(new ForecastTrainer.LoadCsv("no/such/file.csv"));
        ForecastTrainer.TrainingFailed failed = probe.expectMessageClass(ForecastTrainer.TrainingFailed.class, WAIT);
        assertThat(failed.reason()).contains("no/such/file.csv");
        trainer.tell(ForecastTrainer.Retrain.INSTANCE); // the CSV's history is kept
        assertThat(probe.expectMessageClass(ForecastTrainer.ModelPublished.class, WAIT).version()).isEqualTo(2);
    }

    @Test
    void reportsAGapInTheDemandHistory() {
        ActorRef<ForecastTrainer.Command> trainer = TESTKIT.spawn(
                ForecastTrainer.create("naive", new ForecastTask(3, 1), 5));
        TestProbe<ForecastTrainer.Event> probe = TESTKIT.createTestProbe();
        trainer.tell(new ForecastTrainer.Subscribe(probe.getRef()));
        trainer.tell(new ForecastTrainer.DemandObserved("B", 0, 3));
        trainer.tell(new ForecastTrainer.DemandObserved("B", 2, 3));
        assertThat(probe.expectMessageClass(ForecastTrainer.TrainingFailed.class, WAIT).reason())
                .contains("Period (2)").contains("(1)");
    }
}
