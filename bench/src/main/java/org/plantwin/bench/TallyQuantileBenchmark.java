package org.plantwin.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.plantwin.actors.stats.Tally;

/**
 * What the end-of-run statistics cost: {@link Tally#quantile} on as many observations as a flowline5 station (165k,
 * 200,000 min) or the mm1 station (900k) collects, against an O(n) selection of the same nearest-rank quantile on one
 * copy (the baseline). When {@code Tally.quantile} still copied and sorted per call, these sorts were about 30 % of a
 * flowline5 run (README.md); this benchmark keeps that from coming back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TallyQuantileBenchmark {

    /** Observations in the tally. */
    @Param({"165000", "900000"})
    public int observations;

    private Tally tally;
    private double[] values;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        tally = new Tally();
        values = new double[observations];
        for (int i = 0; i < observations; i++) {
            double x = -Math.log(1.0 - rng.nextDouble()); // waiting-time-like: Exp(1) minutes
            tally.add(x);
            values[i] = x;
        }
    }

    /** As the kernel reports a station today: one p95. */
    @Benchmark
    public double tallyP95() {
        return tally.quantile(0.95);
    }

    /** As a sink is reported today: p50 and p95, each sorting its own copy. */
    @Benchmark
    public double tallyP50AndP95() {
        return tally.quantile(0.5) + tally.quantile(0.95);
    }

    /** Baseline: p50 and p95 by selection on one copy (expected O(n)), same nearest-rank definition. */
    @Benchmark
    public double selectP50AndP95() {
        double[] a = Arrays.copyOf(values, values.length);
        int n = a.length;
        int r95 = Math.max(0, Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1));
        int r50 = Math.max(0, Math.min(n - 1, (int) Math.ceil(0.5 * n) - 1));
        select(a, 0, n - 1, r95);
        // After selecting r95, every element left of it is <= a[r95]: select r50 in that part only.
        select(a, 0, r95, r50);
        return a[r50] + a[r95];
    }

    /** Hoare-partition quickselect with median-of-three pivots: places the k-th smallest at index k. */
    static void select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double p = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static double median(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
