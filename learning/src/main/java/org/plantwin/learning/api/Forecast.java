package org.plantwin.learning.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The forecast of one series: a point forecast and, where the model has them, quantile forecasts.
 *
 * @param seriesId the id of the forecast series
 * @param mean the point forecast, one value per step ahead (copied)
 * @param quantiles quantile level in (0, 1) to one value per step ahead; empty when the model has none
 */
public record Forecast(String seriesId, double[] mean, SortedMap<Double, double[]> quantiles) {

    public Forecast {
        Objects.requireNonNull(seriesId, "seriesId");
        mean = Objects.requireNonNull(mean, "mean").clone();
        TreeMap<Double, double[]> copy = new TreeMap<>();
        for (Map.Entry<Double, double[]> e : Objects.requireNonNull(quantiles, "quantiles").entrySet()) {
            double level = e.getKey();
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException(
                        "The quantile level (" + level + ") of series (" + seriesId + ") must be in (0, 1).");
            }
            if (e.getValue().length != mean.length) {
                throw new IllegalArgumentException("The quantile (" + level + ") forecast of series (" + seriesId
                        + ") has " + e.getValue().length + " steps, the mean " + mean.length + ".");
            }
            copy.put(level, e.getValue().clone());
        }
        quantiles = Collections.unmodifiableSortedMap(copy);
    }

    /** A point forecast without quantiles. */
    public static Forecast point(String seriesId, double[] mean) {
        return new Forecast(seriesId, mean, new TreeMap<>());
    }

    /** Returns a copy of the point forecast. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** The forecast horizon. */
    public int horizon() {
        return mean.length;
    }

    /** Returns a copy of the forecast of quantile {@code level}; fails if the model has no such quantile. */
    public double[] quantile(double level) {
        double[] q = quantiles.get(level);
        if (q == null) {
            throw new IllegalArgumentException("The forecast of series (" + seriesId + ") has no quantile (" + level
                    + "); it has " + quantiles.keySet() + ".");
        }
        return q.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Forecast other) || !seriesId.equals(other.seriesId) || !Arrays.equals(mean, other.mean)
                || !quantiles.keySet().equals(other.quantiles.keySet())) {
            return false;
        }
        return quantiles.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.quantiles.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return 31 * seriesId.hashCode() + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "Forecast[" + seriesId + ", horizon=" + mean.length + ", quantiles=" + quantiles.keySet() + "]";
    }
}
