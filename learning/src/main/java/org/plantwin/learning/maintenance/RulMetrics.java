package org.plantwin.learning.maintenance;

/** RMSE and the asymmetric PHM08 score of RUL predictions; {@code d = predicted - true}. */
public final class RulMetrics {

    private RulMetrics() {
    }

    /** Root mean squared error. */
    public static double rmse(double[] predicted, double[] truth) {
        check(predicted, truth);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            s += d * d;
        }
        return Math.sqrt(s / truth.length);
    }

    /** PHM08 score: sum of {@code exp(-d/13)-1} for early ({@code d<0}) and {@code exp(d/10)-1} for late predictions. */
    public static double score(double[] predicted, double[] truth) {
        check(predicted, truth);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            s += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
        }
        return s;
    }

    private static void check(double[] predicted, double[] truth) {
        if (predicted.length != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("The predictions (" + predicted.length + ") and true values ("
                    + truth.length + ") must have the same, non-zero length.");
        }
    }
}
