package org.plantwin.learning.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * TimeGAN's PCA picture of real against synthetic windows ({@code metrics/visualization_metrics.py}): up to 1,000
 * windows of each set (a seeded sample), each averaged over its features to a vector of {@code T} values; the
 * first two principal axes are fitted on the real vectors and both sets are projected on them. Written as a
 * self-contained SVG scatter: real in red, synthetic in blue.
 */
public final class PcaPlot {

    /** Windows drawn from each set, as the paper's {@code anal_sample_no}. */
    static final int MAX_POINTS = 1000;
    private static final int SIZE = 480;
    private static final int MARGIN = 40;

    private PcaPlot() {
    }

    /** Writes the SVG of {@link #svg} to {@code file}. */
    public static void write(Path file, Windows real, Windows synthetic, long seed) {
        writeSvg(file, svg(real, synthetic, seed), "PCA");
    }

    /** The SVG document: groups {@code <g class="real">} and {@code <g class="synthetic">}, a circle per window. */
    public static String svg(Windows real, Windows synthetic, long seed) {
        checkShapes(real, synthetic);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] r = featureMeans(real, random);
        double[][] s = featureMeans(synthetic, random);
        double[] mean = columnMeans(r);
        double[][] axes = principalAxes(r, 2);
        double[][] pr = project(r, mean, axes);
        double[][] ps = project(s, mean, axes);
        return scatter("PCA of feature-averaged windows", "pca", pr, ps);
    }

    /**
     * An SVG scatter of two 2-D point sets scaled together into one square: a title line, axis labels
     * {@code x-<axis>} and {@code y-<axis>}, real red and synthetic blue in {@code <g class="real|synthetic">}.
     */
    static String scatter(String title, String axis, double[][] pr, double[][] ps) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] set : new double[][][] {pr, ps}) {
            for (double[] p : set) {
                for (int k = 0; k < 2; k++) {
                    lo[k] = Math.min(lo[k], p[k]);
                    hi[k] = Math.max(hi[k], p[k]);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", SIZE, SIZE, SIZE, SIZE));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", SIZE, SIZE));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\">%s: real %d (red), synthetic %d (blue)</text>%n",
                MARGIN, title, pr.length, ps.length));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"black\"/>%n", MARGIN, MARGIN, SIZE - 2 * MARGIN, SIZE - 2 * MARGIN));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">x-%s</text>%n", SIZE / 2 - 15, SIZE - 12, axis));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\">y-%s</text>%n",
                SIZE / 2, SIZE / 2, axis));
        points(sb, pr, "real", "#d62728", lo, hi);
        points(sb, ps, "synthetic", "#1f77b4", lo, hi);
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Writes {@code svg} to {@code file}, creating its folder. */
    static void writeSvg(Path file, String svg, String what) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + what + " plot (" + file + "): " + e.getMessage(), e);
        }
    }

    /** Checks that two window sets have the same length and features. */
    static void checkShapes(Windows real, Windows synthetic) {
        if (real.length() != synthetic.length() || real.features() != synthetic.features()) {
            throw new IllegalArgumentException("The real windows (" + real.length() + " x " + real.features()
                    + ") and the synthetic windows (" + synthetic.length() + " x " + synthetic.features()
                    + ") differ in shape.");
        }
    }

    /**
     * The first {@code k} principal axes of the rows of {@code x} ({@code n x d}): unit eigenvectors of the
     * covariance matrix by decreasing eigenvalue, each signed so that its largest-magnitude entry is positive.
     */
    static double[][] principalAxes(double[][] x, int k) {
        int d = x[0].length;
        if (k > d) {
            throw new IllegalArgumentException("The number of axes (" + k + ") must be <= the dimension (" + d
                    + ").");
        }
        double[] mean = columnMeans(x);
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / Math.max(1, x.length - 1);
                }
            }
        }
        double[][] v = new double[d][d];
        double[] eig = jacobi(cov, v);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig[b], eig[a]));
        double[][] axes = new double[k][d];
        for (int c = 0; c < k; c++) {
            int col = order[c];
            int big = 0;
            for (int i = 0; i < d; i++) {
                axes[c][i] = v[i][col];
                if (Math.abs(v[i][col]) > Math.abs(v[big][col])) {
                    big = i;
                }
            }
            if (v[big][col] < 0) {
                for (int i = 0; i < d; i++) {
                    axes[c][i] = -axes[c][i];
                }
            }
        }
        return axes;
    }

    /**
     * Eigenvalues of the symmetric matrix {@code a} (destroyed) by cyclic Jacobi rotations; the eigenvectors go
     * into the columns of {@code v}.
     */
    private static double[] jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    // The rotation that zeroes a[p][q] (Golub and Van Loan, 8.5.2).
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] eig = new double[n];
        for (int i = 0; i < n; i++) {
            eig[i] = a[i][i];
        }
        return eig;
    }

    private static void points(StringBuilder sb, double[][] pts, String cls, String colour, double[] lo,
            double[] hi) {
        double w = SIZE - 2.0 * MARGIN;
        sb.append(String.format(Locale.ROOT, "<g class=\"%s\" fill=\"%s\" fill-opacity=\"0.3\">%n", cls, colour));
        for (double[] p : pts) {
            double x = MARGIN + w * (hi[0] > lo[0] ? (p[0] - lo[0]) / (hi[0] - lo[0]) : 0.5);
            double y = SIZE - MARGIN - w * (hi[1] > lo[1] ? (p[1] - lo[1]) / (hi[1] - lo[1]) : 0.5);
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\"/>%n", x, y));
        }
        sb.append("</g>\n");
    }

    /** Up to {@link #MAX_POINTS} windows (a seeded sample), each averaged over features: {@code (n, T)}. */
    static double[][] featureMeans(Windows w, SplittableRandom random) {
        int n = Math.min(MAX_POINTS, w.count());
        int[] order = Windows.permutation(w.count(), random);
        double[][] out = new double[n][w.length()];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < w.length(); t++) {
                double sum = 0;
                for (int j = 0; j < w.features(); j++) {
                    sum += w.get(order[i], t, j);
                }
                out[i][t] = sum / w.features();
            }
        }
        return out;
    }

    private static double[] columnMeans(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int i = 0; i < m.length; i++) {
                m[i] += row[i] / x.length;
            }
        }
        return m;
    }

    private static double[][] project(double[][] x, double[] mean, double[][] axes) {
        double[][] out = new double[x.length][axes.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < axes.length; c++) {
                for (int j = 0; j < mean.length; j++) {
                    out[i][c] += (x[i][j] - mean[j]) * axes[c][j];
                }
            }
        }
        return out;
    }
}
