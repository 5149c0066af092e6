package org.plantwin.learning.maintenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The standard C-MAPSS RUL protocol: piecewise-linear target (remaining cycles capped at {@code cap}), constant
 * sensors dropped, min-max scaling per operating condition, sliding windows of {@code W} cycles over the training
 * units, and the last window of each test unit (short units padded by repeating their first row). Optionally the
 * scaled sensors of each unit are smoothed causally ({@link #smooth}) before windowing.
 */
public final class RulProtocol {

    private RulProtocol() {
    }

    /** The piecewise-linear target: {@code min(remaining, cap)}. */
    public static double cappedRul(int remainingCycles, double cap) {
        return Math.min(remainingCycles, cap);
    }

    /**
     * Learns the scaling from training units: operating conditions, then the sensors that take more than two
     * distinct values within at least one condition (in FD001 this drops s1, s5, s6, s10, s16, s18, s19 - the
     * published choice; s6 only toggles between 21.60 and 21.61), then per condition min and max.
     */
    public static SensorScaling fit(List<EngineUnit> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("The training set has no units.");
        }
        double[][] centres = OperatingConditions.fit(training);
        int k = centres.length;
        List<List<Set<Double>>> distinct = new ArrayList<>();
        double[][] min = new double[k][EngineUnit.SENSORS];
        double[][] max = new double[k][EngineUnit.SENSORS];
        for (int c = 0; c < k; c++) {
            List<Set<Double>> perSensor = new ArrayList<>();
            for (int j = 0; j < EngineUnit.SENSORS; j++) {
                perSensor.add(new HashSet<>());
            }
            distinct.add(perSensor);
            java.util.Arrays.fill(min[c], Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max[c], Double.NEGATIVE_INFINITY);
        }
        for (EngineUnit u : training) {
            for (int t = 0; t < u.cycles(); t++) {
                int c = OperatingConditions.assign(centres, u.settings()[t]);
                double[] x = u.sensors()[t];
                for (int j = 0; j < EngineUnit.SENSORS; j++) {
                    Set<Double> d = distinct.get(c).get(j);
                    if (d.size() < 3) {
                        d.add(x[j]);
                    }
                    min[c][j] = Math.min(min[c][j], x[j]);
                    max[c][j] = Math.max(max[c][j], x[j]);
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < EngineUnit.SENSORS; j++) {
            for (int c = 0; c < k; c++) {
                if (distinct.get(c).get(j).size() > 2) {
                    kept.add(j + 1);
                    break;
                }
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("Every sensor of the training set is (nearly) constant within its "
                    + "operating condition; nothing to learn from.");
        }
        double[][] keptMin = new double[k][kept.size()];
        double[][] keptMax = new double[k][kept.size()];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < kept.size(); f++) {
                // A condition without rows (impossible after fit) would keep +-inf; guard with 0 range.
                boolean seen = min[c][kept.get(f) - 1] <= max[c][kept.get(f) - 1];
                keptMin[c][f] = seen ? min[c][kept.get(f) - 1] : 0;
                keptMax[c][f] = seen ? max[c][kept.get(f) - 1] : 0;
            }
        }
        return new SensorScaling(centres, kept, keptMin, keptMax);
    }

    /**
     * Every window of {@code window} consecutive cycles of every unit, run to failure, with the capped RUL at
     * the window's last cycle. Units shorter than the window give one window padded with their first row.
     */
    public static Windows trainingWindows(List<EngineUnit> units, SensorScaling scaling, int window, double cap) {
        return trainingWindows(units, scaling, window, cap, 1.0);
    }

    /**
     * As {@link #trainingWindows(List, SensorScaling, int, double)}, each unit's scaled sensors smoothed with
     * {@code alpha} ({@link #smooth}; 1 = off) before windowing.
     */
    public static Windows trainingWindows(List<EngineUnit> units, SensorScaling scaling, int window, double cap,
            double alpha) {
        return trainingWindows(units, scaling, window, cap, alpha, 0);
    }

    /**
     * As {@link #trainingWindows(List, SensorScaling, int, double, double)}, with the age column of
     * {@link #inputs} when {@code ageScale > 0}.
     */
    public static Windows trainingWindows(List<EngineUnit> units, SensorScaling scaling, int window, double cap,
            double alpha, double ageScale) {
        // A unit shorter than the window gives one window, padded with its first row, that ends at its last cycle.
        return windows(units, scaling, window, alpha, ageScale, u -> Math.min(window, u.cycles()) - 1,
                left -> cappedRul(left, cap));
    }

    /**
     * The windows of run-to-failure units that end within {@code maxRemaining} cycles of failure, each with its
     * exact (uncapped) remaining cycles: every truncation a test unit could have, scored as the test is.
     */
    public static Windows endOfLifeWindows(List<EngineUnit> units, SensorScaling scaling, int window, double alpha,
            double ageScale, int maxRemaining) {
        return windows(units, scaling, window, alpha, ageScale, u -> Math.max(0, u.cycles() - 1 - maxRemaining),
                left -> left);
    }

    /**
     * The windows of each unit that end at rows {@code firstLastRow(u) .. n-1} ({@link #copyWindow}: earlier rows
     * than the first are padded), with {@code target(cycles left after the window)}.
     */
    private static Windows windows(List<EngineUnit> units, SensorScaling scaling, int window, double alpha,
            double ageScale, java.util.function.ToIntFunction<EngineUnit> firstLastRow,
            java.util.function.IntToDoubleFunction target) {
        int f = inputColumns(scaling, ageScale);
        int count = 0;
        for (EngineUnit u : units) {
            count += u.cycles() - firstLastRow.applyAsInt(u);
        }
        float[] x = new float[count * window * f];
        float[] y = new float[count];
        int[] unitOf = new int[count];
        int i = 0;
        for (EngineUnit u : units) {
            float[][] s = inputs(u, scaling, alpha, ageScale);
            int n = u.cycles();
            for (int lastRow = firstLastRow.applyAsInt(u); lastRow < n; lastRow++) {
                copyWindow(s, lastRow, window, x, i * window * f);
                y[i] = (float) target.applyAsDouble(n - 1 - lastRow);
                unitOf[i] = u.unit();
                i++;
            }
        }
        return new Windows(x, y, unitOf, count, window, f);
    }

    /** The window {@code (W, F)} that ends at the last cycle of each unit (test scoring), row-major. */
    public static Windows lastWindows(List<EngineUnit> units, SensorScaling scaling, int window) {
        return lastWindows(units, scaling, window, 1.0);
    }

    /**
     * As {@link #lastWindows(List, SensorScaling, int)}, each unit's scaled sensors smoothed with {@code alpha}
     * ({@link #smooth}; 1 = off) before windowing.
     */
    public static Windows lastWindows(List<EngineUnit> units, SensorScaling scaling, int window, double alpha) {
        return lastWindows(units, scaling, window, alpha, 0);
    }

    /**
     * As {@link #lastWindows(List, SensorScaling, int, double)}, with the age column of {@link #inputs} when
     * {@code ageScale > 0}.
     */
    public static Windows lastWindows(List<EngineUnit> units, SensorScaling scaling, int window, double alpha,
            double ageScale) {
        int f = inputColumns(scaling, ageScale);
        float[] x = new float[units.size() * window * f];
        int[] unitOf = new int[units.size()];
        for (int i = 0; i < units.size(); i++) {
            EngineUnit u = units.get(i);
            copyWindow(inputs(u, scaling, alpha, ageScale), u.cycles() - 1, window, x, i * window * f);
            unitOf[i] = u.unit();
        }
        return new Windows(x, new float[units.size()], unitOf, units.size(), window, f);
    }

    /**
     * Causal exponential smoothing of one unit's scaled sensors {@code (n, F)}, per column:
     * {@code s_0 = x_0}, {@code s_t = alpha * x_t + (1 - alpha) * s_(t-1)}. Uses only the current and earlier
     * cycles, so a unit's smoothed history does not depend on cycles not yet seen. Smoothing follows the
     * per-condition scaling, so multi-condition units are smoothed in the condition-free scaled space.
     *
     * @param alpha in (0, 1]; 1 returns {@code scaled} itself (no smoothing)
     * @return a new array (or {@code scaled} when {@code alpha} is 1)
     */
    public static float[][] smooth(float[][] scaled, double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("The smoothing alpha (" + alpha + ") must be in (0, 1]; 1 = off.");
        }
        if (alpha == 1 || scaled.length == 0) {
            return scaled;
        }
        int f = scaled[0].length;
        float[][] out = new float[scaled.length][f];
        double[] state = new double[f];
        for (int j = 0; j < f; j++) {
            state[j] = scaled[0][j];
            out[0][j] = scaled[0][j];
        }
        for (int t = 1; t < scaled.length; t++) {
            for (int j = 0; j < f; j++) {
                state[j] = alpha * scaled[t][j] + (1 - alpha) * state[j];
                out[t][j] = (float) state[j];
            }
        }
        return out;
    }

    /**
     * The model inputs of one unit: its scaled sensors smoothed with {@code alpha} ({@link #smooth}), plus, when
     * {@code ageScale > 0}, an age column {@code (cycle index + 1) / ageScale} (the cycles run so far are known at
     * prediction time; with padding, a short unit's first row keeps age 1 / ageScale).
     */
    static float[][] inputs(EngineUnit unit, SensorScaling scaling, double alpha, double ageScale) {
        float[][] s = smooth(scaling.scale(unit), alpha);
        if (!(ageScale > 0)) {
            return s;
        }
        float[][] out = new float[s.length][];
        for (int t = 0; t < s.length; t++) {
            out[t] = java.util.Arrays.copyOf(s[t], s[t].length + 1);
            out[t][s[t].length] = (float) ((t + 1) / ageScale);
        }
        return out;
    }

    /** Input columns per cycle: the kept sensors, plus the age column when {@code ageScale > 0}. */
    static int inputColumns(SensorScaling scaling, double ageScale) {
        return scaling.features() + (ageScale > 0 ? 1 : 0);
    }

    /**
     * Copies rows {@code lastRow-W+1 .. lastRow} of {@code scaled} into {@code out} at {@code offset}; rows before
     * the first cycle repeat the first row (padding for units shorter than the window).
     */
    static void copyWindow(float[][] scaled, int lastRow, int window, float[] out, int offset) {
        int f = scaled[0].length;
        for (int r = 0; r < window; r++) {
            int row = Math.max(0, lastRow - window + 1 + r);
            System.arraycopy(scaled[row], 0, out, offset + r * f, f);
        }
    }

    /** SHA-256 over unit ids, settings and sensors (IEEE bits), in order. */
    public static String sha256(List<EngineUnit> units) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8);
            for (EngineUnit u : units) {
                md.update(Integer.toString(u.unit()).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                for (int t = 0; t < u.cycles(); t++) {
                    for (double v : u.settings()[t]) {
                        md.update(buf.clear().putDouble(v).array());
                    }
                    for (double v : u.sensors()[t]) {
                        md.update(buf.clear().putDouble(v).array());
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available.", e);
        }
    }

    /**
     * Model inputs and targets.
     *
     * @param inputs {@code (N, W, F)} row-major
     * @param targets {@code (N)} capped RUL (0 for test windows)
     * @param units {@code (N)} the unit each window comes from
     * @param count N
     * @param window W
     * @param features F
     */
    public record Windows(float[] inputs, float[] targets, int[] units, int count, int window, int features) {
    }
}
