package org.plantwin.learning.maintenance;

import java.util.Arrays;
import java.util.List;

/**
 * What the RUL protocol learns from the training file and stores in the model descriptor: the operating
 * condition centres, the sensors kept, and per condition the min and max of each kept sensor (min-max scaling
 * to [-1, 1], Li et al. 2018).
 *
 * @param conditionCentres {@code (K, 3)} centres of the operational settings ({@link OperatingConditions})
 * @param sensorsKept the kept sensors, 1-based ({@code 2} = s2)
 * @param min {@code (K, F)} per condition and kept sensor, the training minimum
 * @param max {@code (K, F)} per condition and kept sensor, the training maximum
 */
public record SensorScaling(double[][] conditionCentres, List<Integer> sensorsKept, double[][] min,
        double[][] max) {

    public SensorScaling {
        sensorsKept = List.copyOf(sensorsKept);
        if (min.length != conditionCentres.length || max.length != conditionCentres.length) {
            throw new IllegalArgumentException("The scaling has " + conditionCentres.length + " conditions but "
                    + min.length + " min rows and " + max.length + " max rows.");
        }
    }

    /** The number of model inputs per cycle. */
    public int features() {
        return sensorsKept.size();
    }

    /** The scaled kept sensors {@code (n, F)} of every cycle of {@code unit}. */
    public float[][] scale(EngineUnit unit) {
        float[][] out = new float[unit.cycles()][features()];
        for (int t = 0; t < unit.cycles(); t++) {
            int c = OperatingConditions.assign(conditionCentres, unit.settings()[t]);
            double[] x = unit.sensors()[t];
            for (int f = 0; f < features(); f++) {
                double lo = min[c][f];
                double range = max[c][f] - lo;
                // A sensor constant within this condition carries no information there: feed 0.
                out[t][f] = range > 0 ? (float) (2 * (x[sensorsKept.get(f) - 1] - lo) / range - 1) : 0f;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensorScaling s && Arrays.deepEquals(s.conditionCentres, conditionCentres)
                && s.sensorsKept.equals(sensorsKept) && Arrays.deepEquals(s.min, min) && Arrays.deepEquals(s.max, max);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(min) * 31 + sensorsKept.hashCode();
    }

    @Override
    public String toString() {
        return "SensorScaling[conditions=" + conditionCentres.length + ", sensorsKept=" + sensorsKept + "]";
    }
}
