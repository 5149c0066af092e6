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
 * units, and the last window of each test unit (short units padded by repeating their first row). What the network
 * sees per cycle besides the scaled sensors ({@link Inputs}): optionally smoothed causally ({@link #smooth}), a slower
 * smoothed copy, each sensor's departure from the unit's own early-life baseline, and the unit's age.
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
        return trainingWindows(units, scaling, window, cap, Inputs.of(alpha, ageScale));
    }

    /** As {@link #trainingWindows(List, SensorScaling, int, double)}, with {@code inputs} per cycle. */
    public static Windows trainingWindows(List<EngineUnit> units, SensorScaling scaling, int window, double cap,
            Inputs inputs) {
        // A unit shorter than the window gives one window, padded with its first row, that ends at its last cycle.
        return windows(units, scaling, window, inputs, u -> Math.min(window, u.cycles()) - 1,
                left -> cappedRul(left, cap));
    }

    /**
     * The windows of run-to-failure units that end within {@code maxRemaining} cycles of failure, each with its
     * exact (uncapped) remaining cycles: every truncation a test unit could have, scored as the test is.
     */
    public static Windows endOfLifeWindows(List<EngineUnit> units, SensorScaling scaling, int window, double alpha,
            double ageScale, int maxRemaining) {
        return endOfLifeWindows(units, scaling, window, Inputs.of(alpha, ageScale), maxRemaining);
    }

    /** As {@link #endOfLifeWindows(List, SensorScaling, int, double, double, int)}, with {@code inputs} per cycle. */
    public static Windows endOfLifeWindows(List<EngineUnit> units, SensorScaling scaling, int window, Inputs inputs,
            int maxRemaining) {
        return windows(units, scaling, window, inputs, u -> Math.max(0, u.cycles() - 1 - maxRemaining),
                left -> left);
    }

    /**
     * The windows of each unit that end at rows {@code firstLastRow(u) .. n-1} ({@link #copyWindow}: earlier rows
     * than the first are padded), with {@code target(cycles left after the window)}.
     */
    private static Windows windows(List<EngineUnit> units, SensorScaling scaling, int window, Inputs inputs,
            java.util.function.ToIntFunction<EngineUnit> firstLastRow,
            java.util.function.IntToDoubleFunction target) {
        int f = inputs.columns(scaling.features());
        int count = 0;
        for (EngineUnit u : units) {
            count += u.cycles() - firstLastRow.applyAsInt(u);
        }
        float[] x = new float[count * window * f];
        float[] y = new float[count];
        int[] unitOf = new int[count];
        int i = 0;
        for (EngineUnit u : units) {
            float[][] s = inputs(u, scaling, inputs);
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
        return lastWindows(units, scaling, window, Inputs.of(alpha, ageScale));
    }

    /** As {@link #lastWindows(List, SensorScaling, int)}, with {@code inputs} per cycle. */
    public static Windows lastWindows(List<EngineUnit> units, SensorScaling scaling, int window, Inputs inputs) {
        int f = inputs.columns(scaling.features());
        float[] x = new float[units.size() * window * f];
        int[] unitOf = new int[units.size()];
        for (int i = 0; i < units.size(); i++) {
            EngineUnit u = units.get(i);
            copyWindow(inputs(u, scaling, inputs), u.cycles() - 1, window, x, i * window * f);
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
     * The model inputs {@code (n, C)} of one unit, {@link Inputs#columns} per cycle, named by {@link Inputs#names}:
     * its scaled sensors smoothed with {@link Inputs#smoothing} ({@link #smooth}); with {@link Inputs#slowSmoothing},
     * the scaled sensors smoothed with that alpha; with {@link Inputs#baselineCycles} = B, the smoothed sensors minus
     * the mean of the scaled sensors over cycles {@code 0 .. min(t, B - 1)}; with {@link Inputs#ageScale}, the age
     * {@code (t + 1) / ageScale} (the cycles run so far are known at prediction time; with padding, a short unit's
     * first row keeps age 1 / ageScale). Every column of cycle t depends on cycles 0..t only.
     */
    static float[][] inputs(EngineUnit unit, SensorScaling scaling, Inputs inputs) {
        float[][] scaled = scaling.scale(unit);
        float[][] fast = smooth(scaled, inputs.smoothing());
        float[][] slow = inputs.slowSmoothing() > 0 ? smooth(scaled, inputs.slowSmoothing()) : null;
        int f = scaling.features();
        int columns = inputs.columns(f);
        int b = inputs.baselineCycles();
        double[] sum = new double[f];
        float[][] out = new float[scaled.length][];
        for (int t = 0; t < scaled.length; t++) {
            float[] row = java.util.Arrays.copyOf(fast[t], columns);
            int at = f;
            if (slow != null) {
                System.arraycopy(slow[t], 0, row, at, f);
                at += f;
            }
            if (b > 0) {
                if (t < b) {
                    for (int j = 0; j < f; j++) {
                        sum[j] += scaled[t][j];
                    }
                }
                int n = Math.min(t + 1, b);
                for (int j = 0; j < f; j++) {
                    row[at + j] = (float) (fast[t][j] - sum[j] / n);
                }
                at += f;
            }
            if (inputs.ageScale() > 0) {
                row[at] = (float) ((t + 1) / inputs.ageScale());
            }
            out[t] = row;
        }
        return out;
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
     * What the network sees per cycle of a unit ({@link #inputs}), all causal: a cycle's inputs depend on that cycle
     * and earlier ones only, so the last window of a unit cut at cycle t equals the training window that ends there.
     *
     * @param smoothing alpha in (0, 1] of the causal exponential smoothing of the scaled sensors; 1 = off
     * @param ageScale when {@code > 0}, a column {@code (cycle index + 1) / ageScale}; 0 = none
     * @param baselineCycles when {@code > 0}, one more column per sensor: the (smoothed) sensor minus the mean of
     *     its scaled values over the unit's first {@code min(t + 1, baselineCycles)} cycles (its own early-life
     *     level, which differs from unit to unit with manufacturing variation and initial wear); 0 = none
     * @param slowSmoothing when {@code > 0}, one more column per sensor: the scaled sensor smoothed with this (smaller)
     *     alpha, a long memory within a window of W cycles; 0 = none
     */
    public record Inputs(double smoothing, double ageScale, int baselineCycles, double slowSmoothing) {

        public Inputs {
            if (!(smoothing > 0 && smoothing <= 1)) {
                throw new IllegalArgumentException("The smoothing alpha (" + smoothing + ") must be in (0, 1]; 1 ="
                        + " off.");
            }
            if (!(ageScale >= 0) || Double.isInfinite(ageScale)) {
                throw new IllegalArgumentException("The ageScale (" + ageScale + ") must be a finite number >= 0"
                        + " (0 = no age input).");
            }
            if (baselineCycles < 0 || !(slowSmoothing >= 0 && slowSmoothing < 1)) {
                throw new IllegalArgumentException("The baselineCycles (" + baselineCycles + ") must be >= 0 (0 = none)"
                        + " and the slowSmoothing (" + slowSmoothing + ") in [0, 1) (0 = none).");
            }
        }

        /** Smoothed sensors and the age column only (the inputs before the baseline and slow columns). */
        public static Inputs of(double smoothing, double ageScale) {
            return new Inputs(smoothing, ageScale, 0, 0);
        }

        /** The inputs a model trained with {@code config} sees. */
        public static Inputs of(RulConfig config) {
            return new Inputs(config.smoothing(), config.ageScale(), config.baselineCycles(), config.slowSmoothing());
        }

        /** Input columns per cycle for {@code sensors} kept sensors. */
        public int columns(int sensors) {
            return sensors * (1 + (slowSmoothing > 0 ? 1 : 0) + (baselineCycles > 0 ? 1 : 0)) + (ageScale > 0 ? 1 : 0);
        }

        /**
         * The column names, in order: {@code sN} per kept sensor, then {@code sN-slow}, {@code sN-base} and
         * {@code age} where present.
         */
        public List<String> names(List<Integer> sensorsKept) {
            List<String> names = new ArrayList<>(sensorsKept.stream().map(j -> "s" + j).toList());
            if (slowSmoothing > 0) {
                sensorsKept.forEach(j -> names.add("s" + j + "-slow"));
            }
            if (baselineCycles > 0) {
                sensorsKept.forEach(j -> names.add("s" + j + "-base"));
            }
            if (ageScale > 0) {
                names.add("age");
            }
            return List.copyOf(names);
        }

        /**
         * How many of a unit's latest cycles decide its last window's inputs, to within {@code 1e-7} of the
         * smoothing's weight: {@link Integer#MAX_VALUE} with the age or baseline columns (they depend on the whole
         * life so far).
         */
        public int memory(int window) {
            if (ageScale > 0 || baselineCycles > 0) {
                return Integer.MAX_VALUE;
            }
            double slowest = Math.min(smoothing, slowSmoothing > 0 ? slowSmoothing : 1);
            return window + (slowest < 1 ? (int) Math.ceil(Math.log(1e-7) / Math.log(1 - slowest)) : 0);
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
