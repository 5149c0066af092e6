package org.plantwin.learning.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One univariate series in time order, identified by its id; missing observations are {@code NaN}.
 *
 * @param id the series id, e.g. {@code "H1"} or a part number
 * @param values the observations, oldest first (copied)
 */
public record TimeSeries(String id, double[] values) {

    public TimeSeries {
        Objects.requireNonNull(id, "id");
        values = Objects.requireNonNull(values, "values").clone();
    }

    /** Returns a copy of the observations. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of observations, missing ones included. */
    public int length() {
        return values.length;
    }

    /** The observation at {@code index} (0 = oldest). */
    public double valueAt(int index) {
        return values[index];
    }

    /** A copy in which every missing value is replaced by {@code fill}. */
    public TimeSeries fillMissing(double fill) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = fill;
            }
        }
        return new TimeSeries(id, out);
    }

    /** The first {@code length - count} observations: the training part of a holdout split. */
    public TimeSeries dropLast(int count) {
        if (count < 0 || count >= values.length) {
            throw new IllegalArgumentException(
                    "The count (" + count + ") to drop from series (" + id + ") must be in [0, "
                            + values.length + ").");
        }
        return new TimeSeries(id, Arrays.copyOf(values, values.length - count));
    }

    /** The last {@code count} observations: the test part of a holdout split. */
    public double[] last(int count) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException(
                    "The count (" + count + ") of last values of series (" + id + ") must be in [0, "
                            + values.length + "].");
        }
        return Arrays.copyOfRange(values, values.length - count, values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other && id.equals(other.id) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + id + ", length=" + values.length + "]";
    }
}
