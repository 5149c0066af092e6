package org.plantwin.learning.maintenance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains the {@link SensorAutoencoder} on the healthy windows of 80 % of the units of a C-MAPSS training file and
 * reports, on the other 20 % (whole units), the ROC AUC of degraded vs healthy windows and the alarm rates at the
 * threshold. {@code main} delegates to {@link #run}; options {@code data=FILE seed=N steps=N quantile=Q out=DIR}.
 */
public final class AnomalyEvaluation {

    private AnomalyEvaluation() {
    }

    public static void main(String[] args) {
        run(org.plantwin.learning.eval.KeyValueArgs.parse(args), System.out);
    }

    /** Returns {@code {auc, true-positive rate, false-positive rate}} on the held-out units. */
    public static double[] run(Map<String, String> o, PrintStream out) {
        List<EngineUnit> units = CmapssFiles.readUnits(
                Path.of(o.getOrDefault("data", "../shared/data/cmapss_fd001/train_FD001.txt")));
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        int steps = Integer.parseInt(o.getOrDefault("steps", "3000"));
        double q = Double.parseDouble(o.getOrDefault("quantile", "0.99"));
        int window = Integer.parseInt(o.getOrDefault("window", "30"));
        List<EngineUnit> shuffled = new ArrayList<>(units);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, r.nextInt(i + 1));
        }
        int nTest = Math.max(1, shuffled.size() / 5);
        List<EngineUnit> test = shuffled.subList(0, nTest);
        List<EngineUnit> train = shuffled.subList(nTest, shuffled.size());
        try (SensorAutoencoder ae = SensorAutoencoder.train(train, window, seed, steps, 128, q, 1)) {
            SensorScaling s = ae.descriptor().scaling();
            double[] healthy = ae.scoreWindows(SensorAutoencoder.healthyWindows(test, s, window));
            double[] degraded = ae.scoreWindows(SensorAutoencoder.degradedWindows(test, s, window));
            double auc = SensorAutoencoder.rocAuc(degraded, healthy);
            double t = ae.descriptor().threshold();
            double tpr = fractionAbove(degraded, t);
            double fpr = fractionAbove(healthy, t);
            out.printf(Locale.ROOT, "autoencoder seed %d, %d steps, %.0f s: held-out units %d, healthy windows %d,"
                            + " degraded windows %d; ROC AUC %.4f; threshold (q %.2f) %.5f: TPR %.3f, FPR %.3f%n",
                    seed, steps, ae.descriptor().trainingSeconds(), test.size(), healthy.length, degraded.length,
                    auc, q, t, tpr, fpr);
            if (o.containsKey("out")) {
                ae.recordMetrics(Map.of("heldOutRocAuc", auc, "heldOutTpr", tpr, "heldOutFpr", fpr));
                ae.save(Path.of(o.get("out")));
            }
            return new double[] {auc, tpr, fpr};
        }
    }

    private static double fractionAbove(double[] scores, double threshold) {
        int n = 0;
        for (double s : scores) {
            if (s > threshold) {
                n++;
            }
        }
        return (double) n / scores.length;
    }
}
