package org.plantwin.actors.entity;

import org.plantwin.actors.stats.BatchSeries;

/** Copies a {@link BatchSeries} into plain arrays for an LP's final report (empty when series are off). */
final class Batches {

    private Batches() {
    }

    private static int n(BatchSeries b, long end) {
        return b == null ? 0 : BatchSeries.batchesUntil(end, b.batchMillis());
    }

    static double[] counts(BatchSeries b, long end) {
        double[] a = new double[n(b, end)];
        for (int k = 0; k < a.length; k++) {
            a[k] = b.count(k);
        }
        return a;
    }

    static double[] sums(BatchSeries b, long end) {
        double[] a = new double[n(b, end)];
        for (int k = 0; k < a.length; k++) {
            a[k] = b.sum(k);
        }
        return a;
    }

    static double[] integrals(BatchSeries b, long end) {
        double[] a = new double[n(b, end)];
        for (int k = 0; k < a.length; k++) {
            a[k] = b.integral(k);
        }
        return a;
    }
}
