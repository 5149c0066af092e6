package org.plantwin.learning.generate;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * TimeGAN's t-SNE picture of real against synthetic windows ({@code metrics/visualization_metrics.py}): the same
 * feature-averaged windows as {@link PcaPlot} (up to 1,000 of each set), embedded together in two dimensions by
 * exact t-SNE (van der Maaten and Hinton, JMLR 2008) with the paper's perplexity 40, and drawn as the same SVG
 * scatter. Unlike PCA, t-SNE fits both sets at once, so a synthetic cloud that sits apart from the real one shows
 * as its own island.
 *
 * <p>The optimiser is scikit-learn's exact method: Gaussian affinities calibrated per point to the perplexity by
 * bisection, symmetrised; Student-t similarities in the embedding; gradient descent with momentum 0.5 then 0.8,
 * early exaggeration 12 for the first 250 iterations, per-coordinate gains (+0.2 / x0.8, at least 0.01) and learning
 * rate 200. The start is seeded Gaussian noise of standard deviation 1e-4. O(n^2) per iteration: 2,000 points and
 * 1,000 iterations take a few seconds.
 */
public final class TsnePlot {

    /** The paper's perplexity. */
    public static final double PERPLEXITY = 40;
    /** scikit-learn's default number of iterations. */
    public static final int ITERATIONS = 1000;
    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final double EXAGGERATION = 12;
    private static final double LEARNING_RATE = 200;

    private TsnePlot() {
    }

    /** Writes the SVG of {@link #svg} to {@code file}. */
    public static void write(Path file, Windows real, Windows synthetic, long seed) {
        PcaPlot.writeSvg(file, svg(real, synthetic, seed), "t-SNE");
    }

    /** The SVG document: groups {@code <g class="real">} and {@code <g class="synthetic">}, a circle per window. */
    public static String svg(Windows real, Windows synthetic, long seed) {
        PcaPlot.checkShapes(real, synthetic);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] r = PcaPlot.featureMeans(real, random);
        double[][] s = PcaPlot.featureMeans(synthetic, random);
        double[][] all = new double[r.length + s.length][];
        System.arraycopy(r, 0, all, 0, r.length);
        System.arraycopy(s, 0, all, r.length, s.length);
        double[][] y = embed(all, Math.min(PERPLEXITY, (all.length - 1) / 3.0), ITERATIONS, random.nextLong());
        double[][] yr = new double[r.length][];
        double[][] ys = new double[s.length][];
        System.arraycopy(y, 0, yr, 0, r.length);
        System.arraycopy(y, r.length, ys, 0, s.length);
        return PcaPlot.scatter("t-SNE of feature-averaged windows", "tsne", yr, ys);
    }

    /** The 2-D t-SNE embedding of the rows of {@code x} ({@code n x d}, n >= 2), seeded. */
    static double[][] embed(double[][] x, double perplexity, int iterations, long seed) {
        int n = x.length;
        if (n < 2 || !(perplexity > 0) || perplexity > n - 1) {
            throw new IllegalArgumentException("t-SNE needs at least 2 points and a perplexity in (0, n - 1]; got "
                    + n + " points, perplexity " + perplexity + ".");
        }
        double[] p = jointProbabilities(x, perplexity);
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * gaussian(random);
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double[] grad = new double[2 * n];
        double[] num = new double[n * n];
        for (int it = 0; it < iterations; it++) {
            double exaggeration = it < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
            double momentum = it < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
            // Student-t numerators (1 + |yi - yj|^2)^-1 and their sum.
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double yi0 = y[2 * i];
                double yi1 = y[2 * i + 1];
                for (int j = i + 1; j < n; j++) {
                    double d0 = yi0 - y[2 * j];
                    double d1 = yi1 - y[2 * j + 1];
                    double q = 1 / (1 + d0 * d0 + d1 * d1);
                    num[i * n + j] = q;
                    sum += 2 * q;
                }
            }
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double yi0 = y[2 * i];
                double yi1 = y[2 * i + 1];
                for (int j = i + 1; j < n; j++) {
                    double q = num[i * n + j];
                    // dC/dyi = 4 sum_j (p_ij - q_ij) (yi - yj) / (1 + |yi - yj|^2)
                    double m = 4 * (exaggeration * p[i * n + j] - Math.max(q / sum, 1e-12)) * q;
                    double g0 = m * (yi0 - y[2 * j]);
                    double g1 = m * (yi1 - y[2 * j + 1]);
                    grad[2 * i] += g0;
                    grad[2 * i + 1] += g1;
                    grad[2 * j] -= g0;
                    grad[2 * j + 1] -= g1;
                }
            }
            for (int k = 0; k < y.length; k++) {
                gains[k] = update[k] * grad[k] < 0 ? gains[k] + 0.2 : gains[k] * 0.8;
                gains[k] = Math.max(gains[k], 0.01);
                update[k] = momentum * update[k] - LEARNING_RATE * gains[k] * grad[k];
                y[k] += update[k];
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[] {y[2 * i], y[2 * i + 1]};
        }
        return out;
    }

    /**
     * The symmetric joint affinities {@code p_ij = (p_j|i + p_i|j) / 2n} (row-major {@code n x n}, at least 1e-12
     * off the diagonal), each conditional row calibrated by {@link #conditionalRow} to the perplexity.
     */
    static double[] jointProbabilities(double[][] x, double perplexity) {
        int n = x.length;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double v = x[i][k] - x[j][k];
                    s += v * v;
                }
                d[i * n + j] = s;
                d[j * n + i] = s;
            }
        }
        double[] cond = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(d, i * n, row, 0, n);
            System.arraycopy(conditionalRow(row, i, perplexity), 0, cond, i * n, n);
        }
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    p[i * n + j] = Math.max((cond[i * n + j] + cond[j * n + i]) / (2.0 * n), 1e-12);
                }
            }
        }
        return p;
    }

    /**
     * {@code p_j|i} proportional to {@code exp(-beta d_ij)} over {@code j != i}, with {@code beta} found by bisection
     * (up to 200 steps) so that the row's entropy (natural log) is {@code log(perplexity)} within 1e-5.
     */
    static double[] conditionalRow(double[] dist, int self, double perplexity) {
        int n = dist.length;
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[n];
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != self) {
                min = Math.min(min, dist[j]);
            }
        }
        for (int step = 0; step < 200; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < n; j++) {
                // Shifted by the nearest distance so that a large beta cannot underflow every term.
                p[j] = j == self ? 0 : Math.exp(-beta * (dist[j] - min));
                sum += p[j];
                weighted += p[j] * dist[j];
            }
            // H = log(sum) + beta * E[d] - beta * min (the shift)
            double entropy = Math.log(sum) + beta * (weighted / sum - min);
            for (int j = 0; j < n; j++) {
                p[j] /= sum;
            }
            double diff = entropy - target;
            if (Math.abs(diff) < 1e-5) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        return p;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: the stream alone decides the value (no hidden state as in java.util.Random).
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
