package org.plantwin.learning.inspection;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stratified k-fold cross-validation of {@link DefectClassifier}: each class's images are shuffled (seeded)
 * and dealt round-robin into the folds, so every fold holds about 1/k of each class.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * The outcome.
     *
     * @param classes class names, the matrix's row and column order
     * @param foldAccuracies accuracy on each held-out fold
     * @param confusionMean confusion counts per fold, averaged over folds (rows true, columns predicted)
     * @param seconds wall-clock time for all folds
     */
    public record Result(List<String> classes, double[] foldAccuracies, double[][] confusionMean, double seconds) {

        /** The mean of the fold accuracies. */
        public double meanAccuracy() {
            double s = 0;
            for (double a : foldAccuracies) {
                s += a;
            }
            return s / foldAccuracies.length;
        }

        /** The sample standard deviation of the fold accuracies. */
        public double stdAccuracy() {
            double m = meanAccuracy();
            double s = 0;
            for (double a : foldAccuracies) {
                s += (a - m) * (a - m);
            }
            return foldAccuracies.length < 2 ? 0 : Math.sqrt(s / (foldAccuracies.length - 1));
        }

        /** The confusion matrix as nested lists (for the descriptor). */
        public List<List<Double>> confusionRows() {
            List<List<Double>> rows = new ArrayList<>();
            for (double[] r : confusionMean) {
                List<Double> row = new ArrayList<>();
                for (double v : r) {
                    row.add(v);
                }
                rows.add(List.copyOf(row));
            }
            return List.copyOf(rows);
        }

        /** Metrics for the descriptor. */
        public Map<String, Double> metrics() {
            Map<String, Double> m = new TreeMap<>();
            m.put("cvFolds", (double) foldAccuracies.length);
            m.put("cvAccuracy", meanAccuracy());
            m.put("cvAccuracyStd", stdAccuracy());
            return m;
        }

        /** Accuracy line and the confusion matrix as a text table. */
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "%d-fold CV accuracy %.4f +- %.4f (folds", foldAccuracies.length, meanAccuracy(),
                    stdAccuracy());
            for (double a : foldAccuracies) {
                out.printf(Locale.ROOT, " %.3f", a);
            }
            out.printf(Locale.ROOT, "), %.0f s%n", seconds);
            out.println("confusion matrix, mean per fold (rows true, columns predicted):");
            out.printf("%-16s", "");
            for (String c : classes) {
                out.printf(" %8.8s", c);
            }
            out.println();
            for (int i = 0; i < classes.size(); i++) {
                out.printf("%-16s", classes.get(i));
                for (double v : confusionMean[i]) {
                    out.printf(Locale.ROOT, " %8.1f", v);
                }
                out.println();
            }
        }
    }

    /** The fold (0..k-1) of every image, stratified by label and seeded. */
    public static int[] folds(List<GreyImage> images, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("The number of folds (" + k + ") must be >= 2.");
        }
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < images.size(); i++) {
            byClass.computeIfAbsent(images.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] fold = new int[images.size()];
        for (Map.Entry<String, List<Integer>> e : byClass.entrySet()) {
            List<Integer> idx = e.getValue();
            if (idx.size() < k) {
                throw new IllegalArgumentException("The class (" + e.getKey() + ") has " + idx.size()
                        + " images, fewer than the " + k + " folds.");
            }
            for (int i = idx.size() - 1; i > 0; i--) {
                java.util.Collections.swap(idx, i, r.nextInt(i + 1));
            }
            for (int i = 0; i < idx.size(); i++) {
                fold[idx.get(i)] = i % k;
            }
        }
        return fold;
    }

    /** Trains one classifier per fold on the other folds and scores it on the fold. */
    public static Result run(List<GreyImage> images, InspectionConfig config, int k, PrintStream log) {
        long start = System.nanoTime();
        List<String> classes = List.copyOf(new TreeSet<>(images.stream().map(GreyImage::label).toList()));
        int[] fold = folds(images, k, config.seed());
        double[] acc = new double[k];
        double[][] confusion = new double[classes.size()][classes.size()];
        for (int f = 0; f < k; f++) {
            List<GreyImage> train = new ArrayList<>();
            List<GreyImage> test = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                (fold[i] == f ? test : train).add(images.get(i));
            }
            try (DefectClassifier c = DefectClassifier.train(train, config.withSeed(config.seed() + f), null)) {
                List<Prediction> p = c.predict(test);
                int ok = 0;
                for (int i = 0; i < test.size(); i++) {
                    int t = classes.indexOf(test.get(i).label());
                    int q = classes.indexOf(p.get(i).label());
                    confusion[t][q] += 1.0 / k;
                    ok += t == q ? 1 : 0;
                }
                acc[f] = (double) ok / test.size();
            }
            if (log != null) {
                log.printf(Locale.ROOT, "fold %d/%d: train %d, test %d, accuracy %.4f, %.0f s%n", f + 1, k,
                        train.size(), test.size(), acc[f], (System.nanoTime() - start) / 1e9);
            }
        }
        return new Result(classes, acc, confusion, (System.nanoTime() - start) / 1e9);
    }
}
