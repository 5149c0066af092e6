package org.plantwin.actors.api;

import java.util.List;

/**
 * Decides, each time a machine with a maintenance section finishes a part, whether it takes preventive
 * maintenance before the next one (so maintenance fits into the production plan at the next gap). The scenario
 * chooses a built-in policy per machine; a model-driven policy (a remaining-useful-life predictor) plugs in per
 * machine through {@link RunOptions#withMaintenancePolicy}. It runs inside the machine's logical process, in
 * simulated time: deterministic, no blocking, no wall clock. Policies may keep state: one instance per run and
 * machine.
 */
public interface MaintenancePolicy {

    /** How many of the latest cycles' sensor readings {@link View#readings()} carries; default 1. */
    default int window() {
        return 1;
    }

    /** True to maintain the machine now, before it starts its next part. */
    boolean maintainNow(View view);

    /**
     * The machine's life since it was last restored ended after {@code operatingHours} of operation: by a wear
     * failure ({@code failed}) or by preventive maintenance. For policies that learn from run-to-failure histories.
     */
    default void lifeEnded(long nowMillis, double operatingHours, boolean failed) {
    }

    /**
     * An anomaly detector watching this machine's sensors raised an alarm (anomaly {@code score}) at
     * {@code nowMillis}; the readings may be faulty. The built-in policies ignore alarms; {@link #alarmGuarded}
     * acts on them.
     */
    default void sensorAlarm(long nowMillis, double score) {
    }

    /**
     * The machine's condition at the end of a cycle. {@code readings[i][k]}: sensor {@code k} at the end of the
     * {@code i}-th of the last {@code readings.length} cycles (oldest first, at most {@link #window()}, only cycles
     * since the last restore), taken at {@code readingHours[i]} operating hours since the last restore.
     * {@code atNew}/{@code atFailure}: each sensor's nominal reading when new and at failure.
     */
    record View(long nowMillis, String machine, double operatingHours, long cycles, List<String> sensors,
                double[] atNew, double[] atFailure, double[][] readings, double[] readingHours) {
        public View {
            sensors = List.copyOf(sensors);
            atNew = atNew.clone();
            atFailure = atFailure.clone();
            double[][] copy = new double[readings.length][];
            for (int i = 0; i < readings.length; i++) {
                copy[i] = readings[i].clone();
            }
            readings = copy;
            readingHours = readingHours.clone();
        }
    }

    /** Never maintains: the machine runs until it fails and is repaired. */
    static MaintenancePolicy runToFailure() {
        return view -> false;
    }

    /** Maintains after every {@code intervalHours} of operation since the last restore (age-based). */
    static MaintenancePolicy fixedInterval(double intervalHours) {
        if (!(intervalHours > 0)) {
            throw new IllegalArgumentException("The maintenance interval (" + intervalHours + " h) must be > 0.");
        }
        return view -> view.operatingHours() >= intervalHours;
    }

    /**
     * The built-in predictive policy, with no learnt model: each sensor's wear (the mean of its last {@code window}
     * readings, between its reading when new and at failure) extrapolated linearly in operating time since the last
     * restore to the reading at failure; maintains when the smallest such remaining life is below
     * {@code thresholdHours}. It ignores the failure hazard before health 0, which a learnt model sees.
     */
    static MaintenancePolicy trendPredictive(double thresholdHours, int window) {
        return new TrendPredictive(thresholdHours, window);
    }

    /**
     * {@code sensorBased} (a predictive policy), except within {@code distrustHours} of simulated time after an
     * anomaly alarm ({@link #sensorAlarm}): then the readings are not trusted and the machine is maintained once it
     * has run {@code intervalHours} since the last restore, as {@link #fixedInterval} would. A stuck sensor that hides
     * wear, or a drifting one that fakes it, then costs a fixed-interval decision instead of a failure or a needless
     * stop. The wrapped policy still sees every cycle and every alarm.
     */
    static MaintenancePolicy alarmGuarded(MaintenancePolicy sensorBased, double intervalHours, double distrustHours) {
        return new AlarmGuarded(sensorBased, intervalHours, distrustHours);
    }
}
