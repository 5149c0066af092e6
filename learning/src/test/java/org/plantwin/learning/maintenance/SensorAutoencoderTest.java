package org.plantwin.learning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorAutoencoderTest {

    private static final List<EngineUnit> TRAIN = CmapssFiles.readUnits(CmapssFixtures.train());

    @TempDir
    Path tmp;

    @Test
    void rocAucByHand() {
        // positives {0.9, 0.5, 0.3}, negatives {0.1, 0.5}: pairs won 2 + 1.5 (tie) + 1 = 4.5 of 6
        assertThat(SensorAutoencoder.rocAuc(new double[] {0.9, 0.5, 0.3}, new double[] {0.1, 0.5}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(SensorAutoencoder.rocAuc(new double[] {2, 3}, new double[] {0, 1})).isEqualTo(1.0);
        assertThat(SensorAutoencoder.rocAuc(new double[] {0, 1}, new double[] {2, 3})).isEqualTo(0.0);
    }

    @Test
    void healthyWindowsEndBeforeTheLast125CyclesAndDegradedWithinTheLast30() {
        SensorScaling s = RulProtocol.fit(TRAIN);
        RulProtocol.Windows healthy = SensorAutoencoder.healthyWindows(TRAIN, s, 30);
        RulProtocol.Windows degraded = SensorAutoencoder.degradedWindows(TRAIN, s, 30);
        // unit lengths 192, 287, 179: windows ending at cycle 30..(n-126)
        assertThat(healthy.count()).isEqualTo((192 - 125 - 30) + (287 - 125 - 30) + (179 - 125 - 30));
        assertThat(degraded.count()).isEqualTo(3 * 30);
        for (float t : healthy.targets()) {
            assertThat(t).isGreaterThan(125f);
        }
    }

    @Test
    void scoresDegradedWindowsHigherAndReloadsIdentically() {
        SensorScaling s;
        double[] healthy;
        double[] degraded;
        try (SensorAutoencoder ae = SensorAutoencoder.train(TRAIN, 30, 42, 150, 32, 0.99, 1)) {
            s = ae.descriptor().scaling();
            healthy = ae.scoreWindows(SensorAutoencoder.healthyWindows(TRAIN, s, 30));
            degraded = ae.scoreWindows(SensorAutoencoder.degradedWindows(TRAIN, s, 30));
            assertThat(ae.descriptor().threshold()).isEqualTo(SensorAutoencoder.quantile(healthy, 0.99));
            ae.save(tmp);
        }
        assertThat(SensorAutoencoder.rocAuc(degraded, healthy)).isGreaterThan(0.8);
        try (SensorAutoencoder loaded = SensorAutoencoder.load(tmp, 1)) {
            assertThat(loaded.scoreWindows(SensorAutoencoder.healthyWindows(TRAIN, s, 30))).containsExactly(healthy);
        }
    }

    @Test
    void aStuckSensorAlarmsThroughTheFlatRuleThatHealthyWindowsRarelyTrip() {
        try (SensorAutoencoder ae = SensorAutoencoder.train(TRAIN, 30, 42, 150, 32, 0.99, 1)) {
            SensorScaling s = ae.descriptor().scaling();
            RulProtocol.Windows healthy = SensorAutoencoder.healthyWindows(TRAIN, s, 30);
            double[] dev = SensorAutoencoder.smallestDeviation(healthy);
            assertThat(ae.descriptor().flat()).isEqualTo(SensorAutoencoder.quantile(dev, 0.01)).isPositive();
            SensorAutoencoder.Assessment[] h = ae.assess(healthy);
            long flat = java.util.Arrays.stream(h).filter(SensorAutoencoder.Assessment::flat).count();
            assertThat(flat).isLessThanOrEqualTo((long) Math.ceil(0.01 * healthy.count()));
            // The same windows with the third sensor held at its first value: every one is flat and alarms.
            float[] x = healthy.inputs().clone();
            int t = healthy.window();
            int f = healthy.features();
            for (int i = 0; i < healthy.count(); i++) {
                for (int k = 1; k < t; k++) {
                    x[(i * t + k) * f + 2] = x[(i * t) * f + 2];
                }
            }
            RulProtocol.Windows stuck = new RulProtocol.Windows(x, healthy.targets(), healthy.units(),
                    healthy.count(), t, f);
            for (SensorAutoencoder.Assessment a : ae.assess(stuck)) {
                assertThat(a.flat()).isTrue();
                assertThat(a.alarm()).isTrue();
            }
            ae.save(tmp);
        }
        try (SensorAutoencoder loaded = SensorAutoencoder.load(tmp, 1)) {
            assertThat(loaded.descriptor().flat()).isPositive();
        }
    }

    @Test
    void aDescriptorSavedBeforeTheFlatRuleLoadsWithTheRuleOff() throws Exception {
        try (SensorAutoencoder ae = SensorAutoencoder.train(TRAIN, 30, 42, 20, 32, 0.99, 1)) {
            ae.save(tmp);
        }
        Path json = tmp.resolve(SensorAutoencoder.NAME + ".json");
        String text = java.nio.file.Files.readString(json).replaceAll(",\\s*\"flatThreshold\"\\s*:\\s*[-0-9.Ee]+", "");
        assertThat(text).doesNotContain("flatThreshold");
        java.nio.file.Files.writeString(json, text);
        try (SensorAutoencoder loaded = SensorAutoencoder.load(tmp, 1)) {
            assertThat(loaded.descriptor().flat()).isZero();
        }
    }
}
