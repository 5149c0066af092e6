package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmGuardedTest {

    private static final long HOUR = 3_600_000L;

    /** A sensor-based policy that answers what it is told and records what it sees. */
    private static final class Scripted implements MaintenancePolicy {
        boolean answer;
        int calls;
        final List<Long> alarms = new ArrayList<>();

        @Override
        public boolean maintainNow(View view) {
            calls++;
            return answer;
        }

        @Override
        public void sensorAlarm(long nowMillis, double score) {
            alarms.add(nowMillis);
        }
    }

    private static MaintenancePolicy.View at(long nowMillis, double operatingHours) {
        return new MaintenancePolicy.View(nowMillis, "M1", operatingHours, 1, List.of("s"), new double[] {0},
                new double[] {1}, new double[][] {{0.5}}, new double[] {operatingHours});
    }

    @Test
    void followsTheSensorBasedPolicyUntilAnAlarmThenTheIntervalForTheDistrustPeriod() {
        Scripted inner = new Scripted();
        MaintenancePolicy p = MaintenancePolicy.alarmGuarded(inner, 40, 12);
        inner.answer = true;
        assertThat(p.maintainNow(at(10 * HOUR, 5))).isTrue(); // no alarm yet: the sensors decide
        p.sensorAlarm(20 * HOUR, 0.7);
        assertThat(inner.alarms).containsExactly(20 * HOUR); // passed on
        // A drifting sensor fakes wear: within 12 h of the alarm, only the 40-hour interval may stop the machine.
        assertThat(p.maintainNow(at(21 * HOUR, 5))).isFalse();
        assertThat(p.maintainNow(at(30 * HOUR, 41))).isTrue();
        // A stuck sensor hides wear: the interval still stops the machine.
        inner.answer = false;
        assertThat(p.maintainNow(at(32 * HOUR, 45))).isTrue();
        // After the distrust period the sensors decide again.
        assertThat(p.maintainNow(at(33 * HOUR, 45))).isFalse();
        inner.answer = true;
        assertThat(p.maintainNow(at(34 * HOUR, 1))).isTrue();
        assertThat(inner.calls).isEqualTo(6); // asked every cycle, guarded or not
        assertThat(((AlarmGuarded) p).guardedDecisions()).isEqualTo(3);
    }

    @Test
    void rejectsANonPositiveIntervalOrDistrustPeriod() {
        assertThatThrownBy(() -> MaintenancePolicy.alarmGuarded(new Scripted(), 0, 12))
                .hasMessageContaining("fallback interval (0.0 h)");
        assertThatThrownBy(() -> MaintenancePolicy.alarmGuarded(new Scripted(), 40, -1))
                .hasMessageContaining("distrust period (-1.0 h)");
    }
}
