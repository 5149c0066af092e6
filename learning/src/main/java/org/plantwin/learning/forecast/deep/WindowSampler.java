package org.plantwin.learning.forecast.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts training windows (lookback {@code L}, target {@code H}) out of a set of series and scales each window by
 * the mean absolute value of its lookback ({@link WindowScaling}), so that one global model sees all series on one
 * scale.
 *
 * <p>A window ending at cut {@code t} has input {@code x[t-L, t)} (zero-padded on the left when {@code t < L})
 * and target {@code x[t, t+H)}. Missing values are read as 0.
 */
final class WindowSampler {

    /** Lookback scales below this are replaced by 1 (an all-zero lookback, common in intermittent demand). */
    static final double MIN_SCALE = 1e-8;

    private final List<double[]> series;
    private final int inputLength;
    private final int horizon;
    private final int[] firstCut;
    private final int[] lastCut;
    private final int[] trainable;
    private final SplittableRandom random;
    private final WindowScaling scaling;

    /**
     * @param historyLimitSteps cuts lie within the last {@code historyLimitSteps + H} points; 0 for no limit
     */
    WindowSampler(List<double[]> series, int inputLength, int horizon, int historyLimitSteps, long seed,
            WindowScaling scaling) {
        this.series = series;
        this.scaling = scaling;
        this.inputLength = inputLength;
        this.horizon = horizon;
        this.firstCut = new int[series.size()];
        this.lastCut = new int[series.size()];
        List<Integer> usable = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            int n = series.get(s).length;
            lastCut[s] = n - horizon;
            int first = Math.min(inputLength, lastCut[s]);
            if (historyLimitSteps > 0) {
                first = Math.max(first, lastCut[s] - historyLimitSteps);
            }
            firstCut[s] = Math.max(1, first);
            if (lastCut[s] >= firstCut[s]) {
                usable.add(s);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("No series is longer than the horizon (" + horizon
                    + ") plus one point; there is nothing to train on.");
        }
        this.trainable = usable.stream().mapToInt(Integer::intValue).toArray();
        this.random = new SplittableRandom(seed);
    }

    /** A batch: inputs {@code (B, L)} and targets {@code (B, H)}, both row-major and scaled. */
    record Batch(float[] inputs, float[] targets, int size) {
    }

    /** Samples {@code size} windows: a series uniformly, then a cut uniformly within its range. */
    Batch next(int size) {
        float[] in = new float[size * inputLength];
        float[] out = new float[size * horizon];
        for (int b = 0; b < size; b++) {
            int s = trainable[random.nextInt(trainable.length)];
            int cut = firstCut[s] + random.nextInt(lastCut[s] - firstCut[s] + 1);
            double[] x = series.get(s);
            double scale = lookback(x, cut, inputLength, scaling, in, b * inputLength);
            for (int k = 0; k < horizon; k++) {
                out[b * horizon + k] = (float) scaling.forward(valueOrZero(x[cut + k]), scale);
            }
        }
        return new Batch(in, out, size);
    }

    /** The number of series with at least one training window. */
    int trainableSeries() {
        return trainable.length;
    }

    /**
     * Writes the scaled lookback ending before {@code cut} into {@code dest[offset, offset+L)} and returns the
     * scale it used. Steps before the start of the series are 0 in network space.
     */
    static double lookback(double[] x, int cut, int inputLength, WindowScaling scaling, float[] dest, int offset) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < inputLength; k++) {
            int t = cut - inputLength + k;
            if (t >= 0) {
                sum += Math.abs(valueOrZero(x[t]));
                count++;
            }
        }
        double scale = count == 0 ? 0 : sum / count;
        if (scale < MIN_SCALE) {
            scale = 1;
        }
        for (int k = 0; k < inputLength; k++) {
            int t = cut - inputLength + k;
            dest[offset + k] = t >= 0 ? (float) scaling.forward(valueOrZero(x[t]), scale) : 0f;
        }
        return scale;
    }

    private static double valueOrZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
