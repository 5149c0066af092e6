package org.plantwin.learning.maintenance;

import java.util.Arrays;

/**
 * The sensor history of one C-MAPSS engine: one row per cycle, cycles 1..n in order.
 *
 * @param unit the engine id (first column)
 * @param settings {@code (n, 3)}: operational settings 1-3 per cycle
 * @param sensors {@code (n, 21)}: sensors s1-s21 per cycle
 */
public record EngineUnit(int unit, double[][] settings, double[][] sensors) {

    /** Settings per row. */
    public static final int SETTINGS = 3;
    /** Sensors per row. */
    public static final int SENSORS = 21;

    public EngineUnit {
        if (settings.length != sensors.length || settings.length == 0) {
            throw new IllegalArgumentException("The unit (" + unit + ") needs as many setting rows ("
                    + settings.length + ") as sensor rows (" + sensors.length + "), at least one.");
        }
        settings = deepCopy(settings);
        sensors = deepCopy(sensors);
    }

    /** The number of cycles recorded. */
    public int cycles() {
        return sensors.length;
    }

    /** The first {@code n} cycles of this unit (a test-like truncation). */
    public EngineUnit truncate(int n) {
        if (n < 1 || n > cycles()) {
            throw new IllegalArgumentException("The truncation (" + n + ") of unit (" + unit + ") must be in 1.."
                    + cycles() + ".");
        }
        return new EngineUnit(unit, Arrays.copyOf(settings, n), Arrays.copyOf(sensors, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineUnit u && u.unit == unit && Arrays.deepEquals(u.settings, settings)
                && Arrays.deepEquals(u.sensors, sensors);
    }

    @Override
    public int hashCode() {
        return 31 * unit + Arrays.deepHashCode(sensors);
    }

    @Override
    public String toString() {
        return "EngineUnit[unit=" + unit + ", cycles=" + cycles() + "]";
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
