package org.plantwin.actors.api;

/**
 * {@link MaintenancePolicy#trendPredictive}: remaining life by extrapolating each sensor's wear linearly in
 * operating time, from its reading when new (at the last restore) through the mean of its last {@code window}
 * readings (the mean damps the noise) to its reading at failure.
 */
record TrendPredictive(double thresholdHours, int window) implements MaintenancePolicy {

    TrendPredictive {
        if (!(thresholdHours > 0)) {
            throw new IllegalArgumentException("The threshold (" + thresholdHours + " h) must be > 0.");
        }
        if (window < 1) {
            throw new IllegalArgumentException("The window (" + window + ") must be >= 1.");
        }
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public boolean maintainNow(MaintenancePolicy.View view) {
        return remainingHours(view) < thresholdHours;
    }

    /** The smallest remaining life over the sensors; infinite before a full window or while no wear shows. */
    double remainingHours(MaintenancePolicy.View view) {
        int n = view.readings().length;
        if (n < window || view.operatingHours() <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < view.sensors().size(); k++) {
            double level = 0;
            for (double[] row : view.readings()) {
                level += row[k];
            }
            level /= n;
            double worn = (level - view.atNew()[k]) / (view.atFailure()[k] - view.atNew()[k]);
            if (worn <= 0) {
                continue;
            }
            best = Math.min(best, view.operatingHours() * Math.max(0, 1 - worn) / worn);
        }
        return best;
    }
}
