package org.plantwin.learning.generate;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A set of multivariate windows stored flat: value {@code (i, t, f)} at {@code (i * length + t) * features + f}.
 *
 * @param values the flat values, {@code count * length * features} of them
 * @param count number of windows
 * @param length time steps per window
 * @param features values per time step
 */
public record Windows(float[] values, int count, int length, int features) {

    public Windows {
        Objects.requireNonNull(values, "values");
        if (count < 0 || length < 1 || features < 1 || values.length != count * length * features) {
            throw new IllegalArgumentException("The windows (" + count + " x " + length + " x " + features
                    + ") do not match the " + values.length + " values.");
        }
    }

    /** TimeGAN's protocol: every window of {@code length} consecutive rows, stride 1, of {@code rows[t][f]}. */
    public static Windows sliding(double[][] rows, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("The window length (" + length + ") must be >= 2.");
        }
        if (rows.length < length) {
            throw new IllegalArgumentException("The series has " + rows.length + " rows, fewer than the window length ("
                    + length + ").");
        }
        int f = rows[0].length;
        int n = rows.length - length + 1;
        float[] v = new float[n * length * f];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                for (int j = 0; j < f; j++) {
                    v[k++] = (float) rows[i + t][j];
                }
            }
        }
        return new Windows(v, n, length, f);
    }

    /** Value {@code (i, t, f)}. */
    public float get(int i, int t, int f) {
        return values[(i * length + t) * features + f];
    }

    /** Windows {@code from..to-1} of a seeded permutation {@code order}, copied. */
    public Windows select(int[] order, int from, int to) {
        int w = length * features;
        float[] v = new float[(to - from) * w];
        for (int i = from; i < to; i++) {
            System.arraycopy(values, order[i] * w, v, (i - from) * w, w);
        }
        return new Windows(v, to - from, length, features);
    }

    /** The same windows with features {@code features[0]}, {@code features[1]}, ... of these, in that order. */
    public Windows features(int[] features) {
        float[] v = new float[count * length * features.length];
        for (int k = 0; k < count * length; k++) {
            for (int j = 0; j < features.length; j++) {
                v[k * features.length + j] = values[k * this.features + features[j]];
            }
        }
        return new Windows(v, count, length, features.length);
    }

    /** A seeded random permutation of {@code 0..n-1}. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
