package org.plantwin.actors.api;

import java.util.Objects;

/**
 * {@link MaintenancePolicy#alarmGuarded}: a sensor-based policy whose readings stop being trusted while an anomaly
 * alarm is recent. The wrapped policy is still called every cycle (it may keep state: a learnt model's history),
 * but within {@code distrustHours} of simulated time after the latest alarm its answer is replaced by a
 * fixed-interval safeguard on operating hours since the last restore.
 */
final class AlarmGuarded implements MaintenancePolicy {

    private final MaintenancePolicy sensorBased;
    private final double intervalHours;
    private final long distrustMillis;
    private long lastAlarmMillis = Long.MIN_VALUE;
    private long guardedDecisions;

    AlarmGuarded(MaintenancePolicy sensorBased, double intervalHours, double distrustHours) {
        this.sensorBased = Objects.requireNonNull(sensorBased, "sensorBased");
        if (!(intervalHours > 0) || Double.isInfinite(intervalHours)) {
            throw new IllegalArgumentException("The fallback interval (" + intervalHours + " h) must be a finite"
                    + " number > 0.");
        }
        if (!(distrustHours > 0) || Double.isInfinite(distrustHours)) {
            throw new IllegalArgumentException("The distrust period (" + distrustHours + " h) must be a finite"
                    + " number > 0.");
        }
        this.intervalHours = intervalHours;
        this.distrustMillis = Math.round(distrustHours * 3_600_000.0);
    }

    @Override
    public int window() {
        return sensorBased.window();
    }

    @Override
    public boolean maintainNow(View view) {
        boolean trusted = sensorBased.maintainNow(view);
        if (lastAlarmMillis != Long.MIN_VALUE && view.nowMillis() - lastAlarmMillis <= distrustMillis) {
            guardedDecisions++;
            return view.operatingHours() >= intervalHours;
        }
        return trusted;
    }

    @Override
    public void lifeEnded(long nowMillis, double operatingHours, boolean failed) {
        sensorBased.lifeEnded(nowMillis, operatingHours, failed);
    }

    @Override
    public void sensorAlarm(long nowMillis, double score) {
        lastAlarmMillis = nowMillis;
        sensorBased.sensorAlarm(nowMillis, score);
    }

    /** How many decisions the safeguard made instead of the sensor-based policy. */
    long guardedDecisions() {
        return guardedDecisions;
    }
}
