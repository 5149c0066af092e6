package org.plantwin.learning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulProtocolTest {

    private static final List<EngineUnit> TRAIN = CmapssFiles.readUnits(CmapssFixtures.train());

    @Test
    void targetIsCappedAt125() {
        assertThat(RulProtocol.cappedRul(300, 125)).isEqualTo(125);
        assertThat(RulProtocol.cappedRul(125, 125)).isEqualTo(125);
        assertThat(RulProtocol.cappedRul(40, 125)).isEqualTo(40);
        assertThat(RulProtocol.cappedRul(0, 125)).isZero();
    }

    @Test
    void dropsTheConstantSensorsOfFd001() {
        SensorScaling s = RulProtocol.fit(TRAIN);
        assertThat(s.conditionCentres()).hasNumberOfRows(1);
        // The published FD001 choice: without s1, s5, s6, s10, s16, s18, s19.
        assertThat(s.sensorsKept()).containsExactly(2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21);
    }

    @Test
    void oneWindowPerPositionWithTheCappedRulAtItsEnd() {
        SensorScaling s = RulProtocol.fit(TRAIN);
        EngineUnit u1 = TRAIN.get(0); // 192 cycles
        RulProtocol.Windows w = RulProtocol.trainingWindows(List.of(u1), s, 30, 125);
        assertThat(w.count()).isEqualTo(192 - 30 + 1);
        assertThat(w.targets()[0]).isEqualTo(125f); // ends at cycle 30: 162 left, capped
        assertThat(w.targets()[192 - 30 - 125]).isEqualTo(125f); // ends at cycle 67: 125 left
        assertThat(w.targets()[w.count() - 1]).isZero(); // ends at the failure cycle
        assertThat(w.targets()[w.count() - 2]).isEqualTo(1f);
        // The second window starts at cycle 2: its first row is the first window's second row.
        float[][] scaled = s.scale(u1);
        int f = s.features();
        assertThat(java.util.Arrays.copyOfRange(w.inputs(), 30 * f, 30 * f + f)).containsExactly(scaled[1]);
    }

    @Test
    void shortUnitsArePaddedWithTheirFirstRow() {
        SensorScaling s = RulProtocol.fit(TRAIN);
        EngineUnit shortUnit = TRAIN.get(0).truncate(5);
        float[][] scaled = s.scale(shortUnit);
        RulProtocol.Windows w = RulProtocol.lastWindows(List.of(shortUnit), s, 30);
        int f = s.features();
        for (int r = 0; r < 30; r++) {
            float[] row = java.util.Arrays.copyOfRange(w.inputs(), r * f, r * f + f);
            assertThat(row).as("row %d", r).containsExactly(scaled[Math.max(0, r - 25)]);
        }
        RulProtocol.Windows train = RulProtocol.trainingWindows(List.of(shortUnit), s, 30, 125);
        assertThat(train.count()).isEqualTo(1);
        assertThat(train.targets()[0]).isZero();
    }

    @Test
    void testScoringUsesTheLastWindowOfEachUnit() {
        List<EngineUnit> test = CmapssFiles.readUnits(CmapssFixtures.test());
        SensorScaling s = RulProtocol.fit(TRAIN);
        RulProtocol.Windows w = RulProtocol.lastWindows(test, s, 30);
        assertThat(w.units()).containsExactly(1, 2, 3);
        float[][] scaled = s.scale(test.get(2)); // 126 cycles
        int f = s.features();
        int third = 2 * 30 * f;
        assertThat(java.util.Arrays.copyOfRange(w.inputs(), third + 29 * f, third + 30 * f)).containsExactly(scaled[125]);
        assertThat(java.util.Arrays.copyOfRange(w.inputs(), third, third + f)).containsExactly(scaled[96]);
    }

    @Test
    void smoothingFollowsTheRecursionAndAlphaOneIsOff() {
        float[][] x = {{0f, 4f}, {1f, 0f}, {1f, 2f}};
        float[][] s = RulProtocol.smooth(x, 0.5);
        assertThat(s[0]).containsExactly(0f, 4f); // s_0 = x_0
        assertThat(s[1]).containsExactly(0.5f, 2f);
        assertThat(s[2]).containsExactly(0.75f, 2f);
        assertThat(x[1]).containsExactly(1f, 0f); // the input is not changed
        assertThat(RulProtocol.smooth(x, 1.0)).isSameAs(x);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulProtocol.smooth(x, 0))
                .hasMessageContaining("alpha (0.0)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulConfig.defaults().withSmoothing(1.5))
                .hasMessageContaining("alpha (1.5)");
    }

    @Test
    void smoothingIsCausal() {
        SensorScaling sc = RulProtocol.fit(TRAIN);
        float[][] scaled = sc.scale(TRAIN.get(0));
        float[][] before = RulProtocol.smooth(scaled, 0.3);
        int t = 100;
        float[][] changed = new float[scaled.length][];
        for (int r = 0; r < scaled.length; r++) {
            changed[r] = scaled[r].clone();
        }
        changed[t][3] += 0.8f;
        float[][] after = RulProtocol.smooth(changed, 0.3);
        for (int r = 0; r < t; r++) {
            assertThat(after[r]).as("cycle %d", r).containsExactly(before[r]);
        }
        assertThat(after[t][3]).isNotEqualTo(before[t][3]);
        assertThat(after[t + 1][3]).isNotEqualTo(before[t + 1][3]);
        // The same through the windows: a unit cut at cycle t gives the windows of the whole unit up to t, so
        // the last window of a truncated test unit is the training window that ends at the same cycle.
        EngineUnit u = TRAIN.get(0);
        RulProtocol.Windows whole = RulProtocol.trainingWindows(List.of(u), sc, 30, 125, 0.3);
        RulProtocol.Windows cut = RulProtocol.lastWindows(List.of(u.truncate(t)), sc, 30, 0.3);
        int n = 30 * sc.features();
        assertThat(cut.inputs()).containsExactly(java.util.Arrays.copyOfRange(whole.inputs(), (t - 30) * n,
                (t - 30 + 1) * n));
        assertThat(RulProtocol.trainingWindows(List.of(u), sc, 30, 125, 1.0).inputs())
                .containsExactly(RulProtocol.trainingWindows(List.of(u), sc, 30, 125).inputs());
    }

    @Test
    void theAgeInputCountsTheCyclesRunAndATruncatedUnitKeepsIt() {
        SensorScaling sc = RulProtocol.fit(TRAIN);
        EngineUnit u = TRAIN.get(0); // 192 cycles
        int f = sc.features() + 1;
        RulProtocol.Windows w = RulProtocol.trainingWindows(List.of(u), sc, 30, 125, 1.0, 200);
        assertThat(w.features()).isEqualTo(f);
        // Window k ends at cycle 30 + k: its last row's age is (30 + k) / 200, its first row's (1 + k) / 200.
        assertThat(w.inputs()[29 * f + f - 1]).isCloseTo(30 / 200f, within(1e-7f));
        int k = 10;
        assertThat(w.inputs()[k * 30 * f + f - 1]).isCloseTo((1 + k) / 200f, within(1e-7f));
        // The sensor columns are those without the age input.
        RulProtocol.Windows plain = RulProtocol.trainingWindows(List.of(u), sc, 30, 125);
        assertThat(java.util.Arrays.copyOfRange(w.inputs(), 0, f - 1))
                .containsExactly(java.util.Arrays.copyOfRange(plain.inputs(), 0, f - 1));
        // A unit cut at cycle 100 is scored with the same window (age included) as the whole unit's at 100.
        RulProtocol.Windows cut = RulProtocol.lastWindows(List.of(u.truncate(100)), sc, 30, 1.0, 200);
        assertThat(cut.inputs()).containsExactly(java.util.Arrays.copyOfRange(w.inputs(), 70 * 30 * f,
                71 * 30 * f));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulConfig.defaults().withAgeScale(-1))
                .hasMessageContaining("ageScale (-1.0)");
    }

    @Test
    void theBaselineAndSlowInputsAreCausalAndComputedAsDocumented() {
        SensorScaling sc = RulProtocol.fit(TRAIN);
        EngineUnit u = TRAIN.get(0); // 192 cycles
        int f = sc.features();
        RulProtocol.Inputs in = new RulProtocol.Inputs(0.15, 200, 20, 0.03);
        assertThat(in.columns(f)).isEqualTo(3 * f + 1);
        assertThat(in.names(List.of(2, 3))).containsExactly("s2", "s3", "s2-slow", "s3-slow", "s2-base", "s3-base",
                "age");
        float[][] x = RulProtocol.inputs(u, sc, in);
        float[][] scaled = sc.scale(u);
        float[][] fast = RulProtocol.smooth(scaled, 0.15);
        float[][] slow = RulProtocol.smooth(scaled, 0.03);
        int j = 4;
        for (int t : new int[] {0, 5, 19, 20, 150}) {
            double baseline = 0;
            int n = Math.min(t + 1, 20);
            for (int r = 0; r < n; r++) {
                baseline += scaled[r][j];
            }
            baseline /= n;
            assertThat(x[t]).hasSize(3 * f + 1);
            assertThat(x[t][j]).as("fast, cycle %d", t).isEqualTo(fast[t][j]);
            assertThat(x[t][f + j]).as("slow, cycle %d", t).isEqualTo(slow[t][j]);
            assertThat((double) x[t][2 * f + j]).as("baseline, cycle %d", t)
                    .isCloseTo(fast[t][j] - baseline, within(1e-6));
            assertThat(x[t][3 * f]).as("age, cycle %d", t).isCloseTo((t + 1) / 200f, within(1e-7f));
        }
        // A unit cut at cycle 100 is scored with the window the whole unit has there: nothing later leaks in.
        RulProtocol.Windows whole = RulProtocol.trainingWindows(List.of(u), sc, 30, 125, in);
        RulProtocol.Windows cut = RulProtocol.lastWindows(List.of(u.truncate(100)), sc, 30, in);
        int size = 30 * in.columns(f);
        assertThat(cut.inputs()).containsExactly(java.util.Arrays.copyOfRange(whole.inputs(), 70 * size,
                71 * size));
        // Without them, the inputs are the smoothed sensors and the age as before.
        assertThat(RulProtocol.trainingWindows(List.of(u), sc, 30, 125, RulProtocol.Inputs.of(0.15, 200)).inputs())
                .containsExactly(RulProtocol.trainingWindows(List.of(u), sc, 30, 125, 0.15, 200).inputs());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulConfig.defaults().withBaselineCycles(-1))
                .hasMessageContaining("baselineCycles (-1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulConfig.defaults().withSlowSmoothing(1))
                .hasMessageContaining("slowSmoothing (1.0)");
    }

    @Test
    void endOfLifeWindowsCarryTheExactRemainingCycles() {
        SensorScaling sc = RulProtocol.fit(TRAIN);
        EngineUnit u = TRAIN.get(0); // 192 cycles
        RulProtocol.Windows w = RulProtocol.endOfLifeWindows(List.of(u), sc, 30, 1.0, 0, 150);
        assertThat(w.count()).isEqualTo(151); // 150 .. 0 cycles left
        assertThat(w.targets()[0]).isEqualTo(150f); // not capped at 125
        assertThat(w.targets()[150]).isZero();
        // Each is the training window that ends at the same cycle.
        RulProtocol.Windows all = RulProtocol.trainingWindows(List.of(u), sc, 30, 125);
        int n = 30 * sc.features();
        int firstEnd = 192 - 1 - 150; // 0-based last row of the first end-of-life window
        assertThat(java.util.Arrays.copyOfRange(w.inputs(), 0, n)).containsExactly(
                java.util.Arrays.copyOfRange(all.inputs(), (firstEnd - 29) * n, (firstEnd - 28) * n));
        // A unit shorter than the horizon gives every cycle, the early ones padded.
        assertThat(RulProtocol.endOfLifeWindows(List.of(u.truncate(40)), sc, 30, 1.0, 0, 150).count())
                .isEqualTo(40);
    }

    @Test
    void minMaxScalesTrainingSensorsToMinusOneOne() {
        SensorScaling s = RulProtocol.fit(TRAIN);
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (EngineUnit u : TRAIN) {
            for (float[] row : s.scale(u)) {
                for (float v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        assertThat(lo).isCloseTo(-1f, within(1e-6f));
        assertThat(hi).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void findsSixOperatingConditionsAndScalesPerCondition() {
        List<EngineUnit> units = CmapssFixtures.sixConditions(4, 120, 3);
        SensorScaling s = RulProtocol.fit(units);
        assertThat(s.conditionCentres()).hasNumberOfRows(6);
        // s1 only follows the condition: constant within each one, so dropped.
        assertThat(s.sensorsKept()).doesNotContain(1).hasSize(20);
        // Per condition, the condition offset (1000 * c) is gone: every condition spans [-1, 1] and the late
        // cycles read higher than the early ones whatever the condition.
        double early = 0;
        double late = 0;
        int nEarly = 0;
        int nLate = 0;
        for (EngineUnit u : units) {
            float[][] x = s.scale(u);
            for (int t = 0; t < x.length; t++) {
                assertThat(x[t][0]).isBetween(-1f, 1f);
                if (t < 20) {
                    early += x[t][0];
                    nEarly++;
                } else if (t >= 100) {
                    late += x[t][0];
                    nLate++;
                }
            }
        }
        assertThat(early / nEarly).isLessThan(-0.5);
        assertThat(late / nLate).isGreaterThan(0.5);
        // Each centre is one of the six conditions (within the setting noise).
        for (double[] c : s.conditionCentres()) {
            assertThat(java.util.Arrays.stream(CmapssFixtures.SIX_CONDITIONS)
                    .anyMatch(k -> Math.abs(k[0] - c[0]) < 0.01 && Math.abs(k[1] - c[1]) < 0.001 && k[2] == c[2]))
                    .as("centre %s", java.util.Arrays.toString(c)).isTrue();
        }
    }
}
