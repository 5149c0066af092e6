package org.plantwin.actors.api;

/** {@link MaintenancePolicy#trendPredictive}: remaining life from the linear trend of each sensor. */
record TrendPredictive(double thresholdHours, int window) implements MaintenancePolicy {

    TrendPredictive {
        if (!(thresholdHours > 0)) {
            throw new IllegalArgumentException("The threshold (" + thresholdHours + " h) must be > 0.");
        }
        if (window < 2) {
            throw new IllegalArgumentException("The window (" + window + ") must be >= 2 to fit a trend.");
        }
    }

    @Override
    public boolean maintainNow(MaintenancePolicy.View view) {
        return remainingHours(view) < thresholdHours;
    }

    /** The smallest remaining life over the sensors; infinite while there are fewer than two readings. */
    static double remainingHours(MaintenancePolicy.View view) {
        int n = view.readings().length;
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        double[] x = view.readingHours();
        for (int k = 0; k < view.sensors().size(); k++) {
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += x[i];
                my += view.readings()[i][k];
            }
            mx /= n;
            my /= n;
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (x[i] - mx) * (view.readings()[i][k] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
            double direction = Math.signum(view.atFailure()[k] - view.atNew()[k]);
            double slope = sxx > 0 ? sxy / sxx : 0;
            if (slope * direction <= 0) {
                continue;
            }
            double fittedNow = my + slope * (x[n - 1] - mx);
            double rul = Math.max(0, (view.atFailure()[k] - fittedNow) / slope);
            best = Math.min(best, rul);
        }
        return best;
    }
}
