package org.plantwin.learning.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.MaintenancePolicy;
import org.plantwin.learning.maintenance.AnomalyWatch;
import org.plantwin.learning.maintenance.EngineUnit;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.learning.maintenance.TwinLives;

/** The sensor-watching learning actor (and its in-simulation twin) raises alarms on anomalous windows only. */
class SensorWatcherTest {

    private static final ActorTestKit TESTKIT = ActorTestKit.create();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int W = 10;

    @AfterAll
    static void stop() {
        TESTKIT.shutdownTestKit();
    }

    /** A reading of two sensors that rise together with wear {@code x} in [0, 1], with a little noise. */
    private static double[] reading(double x, SplittableRandom r) {
        return new double[] {1 + 4 * x + 0.05 * r.nextGaussian(), 60 + 30 * x + 0.5 * r.nextGaussian()};
    }

    @Test
    void alarmsOnASpikeButNotWhileTheWindowFillsOrReadingsAreNormal() {
        SplittableRandom r = new SplittableRandom(3);
        List<EngineUnit> lives = new ArrayList<>();
        for (int u = 1; u <= 20; u++) {
            List<double[]> rows = new ArrayList<>();
            for (int t = 0; t < 300; t++) {
                rows.add(reading(t / 300.0, r));
            }
            lives.add(TwinLives.unit(u, rows));
        }
        try (SensorAutoencoder ae = SensorAutoencoder.train(lives, W, 42, 400, 64, 0.999, 1)) {
            ActorRef<SensorWatcher.Command> watcher = TESTKIT.spawn(SensorWatcher.create(ae));
            TestProbe<SensorWatcher.Alarm> probe = TESTKIT.createTestProbe();
            watcher.tell(new SensorWatcher.Subscribe(probe.getRef()));
            // A spike while M2's window is still filling: no window to score, no alarm.
            watcher.tell(new SensorWatcher.SensorReading("M2", 0, new double[] {50, 60}));
            for (int t = 0; t < W - 1; t++) {
                watcher.tell(new SensorWatcher.SensorReading("M1", t, reading(0.1, r)));
            }
            watcher.tell(new SensorWatcher.SensorReading("M1", 99, new double[] {50, 61}));
            SensorWatcher.Alarm a = probe.expectMessageClass(SensorWatcher.Alarm.class, WAIT);
            assertThat(a.machine()).isEqualTo("M1");
            assertThat(a.timeMillis()).isEqualTo(99);
            assertThat(a.score()).isGreaterThan(a.threshold());
            watcher.tell(new SensorWatcher.Restored("M1"));
            watcher.tell(new SensorWatcher.SensorReading("M1", 100, reading(0.1, r)));
            probe.expectNoMessage(Duration.ofMillis(300));

            // In a simulation the same scoring raises the alarm to the machine's maintenance policy.
            List<Long> raised = new ArrayList<>();
            MaintenancePolicy delegate = new MaintenancePolicy() {
                @Override
                public boolean maintainNow(View view) {
                    return false;
                }

                @Override
                public void sensorAlarm(long nowMillis, double score) {
                    raised.add(nowMillis);
                }
            };
            AnomalyWatch watch = new AnomalyWatch(ae, delegate, 1, null);
            double[][] rows = new double[W][];
            for (int t = 0; t < W - 1; t++) {
                rows[t] = reading(0.1, r);
            }
            rows[W - 1] = new double[] {50, 61};
            watch.maintainNow(new MaintenancePolicy.View(77, "M1", 5, W, List.of("a", "b"), new double[] {1, 60},
                    new double[] {5, 90}, rows, new double[W]));
            assertThat(raised).containsExactly(77L);
            assertThat(watch.scores()).singleElement().satisfies(s -> assertThat(s.alarm()).isTrue());
        }
    }
}
