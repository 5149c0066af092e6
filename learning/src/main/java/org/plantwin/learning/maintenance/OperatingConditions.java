package org.plantwin.learning.maintenance;

import java.util.ArrayList;
import java.util.List;

/**
 * Operating conditions found by clustering the three operational settings. C-MAPSS flies at one condition
 * (FD001, FD003) or six (FD002, FD004: altitude 0-42 kft, Mach 0-0.84, throttle 60 or 100), each with small
 * noise, so a leader clustering with a tolerance per setting (then one k-means update of the centres and a
 * nearest-centre assignment) finds exactly these clusters, deterministically, without choosing k.
 */
public final class OperatingConditions {

    /** Settings closer than this (per setting: altitude kft, Mach, throttle) belong to one condition. */
    public static final double[] TOLERANCE = {0.5, 0.02, 0.5};
    /** More clusters than this means the settings are not a handful of flight conditions. */
    public static final int MAX_CONDITIONS = 20;

    private OperatingConditions() {
    }

    /** The condition centres {@code (K, 3)} of the settings of {@code units}, in order of first appearance. */
    public static double[][] fit(List<EngineUnit> units) {
        List<double[]> leaders = new ArrayList<>();
        for (EngineUnit u : units) {
            for (double[] s : u.settings()) {
                if (nearestWithin(leaders, s) < 0) {
                    if (leaders.size() == MAX_CONDITIONS) {
                        throw new IllegalArgumentException("The operational settings form more than "
                                + MAX_CONDITIONS + " clusters (tolerance " + java.util.Arrays.toString(TOLERANCE)
                                + "), e.g. " + java.util.Arrays.toString(s) + " of unit " + u.unit()
                                + ". Maybe not a C-MAPSS file?");
                    }
                    leaders.add(s.clone());
                }
            }
        }
        double[][] centres = leaders.toArray(double[][]::new);
        double[][] sum = new double[centres.length][EngineUnit.SETTINGS];
        long[] count = new long[centres.length];
        for (EngineUnit u : units) {
            for (double[] s : u.settings()) {
                int c = assign(centres, s);
                count[c]++;
                for (int k = 0; k < s.length; k++) {
                    sum[c][k] += s[k];
                }
            }
        }
        for (int c = 0; c < centres.length; c++) {
            for (int k = 0; k < EngineUnit.SETTINGS; k++) {
                centres[c][k] = count[c] == 0 ? centres[c][k] : sum[c][k] / count[c];
            }
        }
        return centres;
    }

    /** The index of the centre nearest to {@code settings} (distance scaled by {@link #TOLERANCE}). */
    public static int assign(double[][] centres, double[] settings) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = distance(centres[c], settings);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static int nearestWithin(List<double[]> leaders, double[] s) {
        for (int c = 0; c < leaders.size(); c++) {
            double[] l = leaders.get(c);
            boolean within = true;
            for (int k = 0; k < s.length && within; k++) {
                within = Math.abs(l[k] - s[k]) <= TOLERANCE[k];
            }
            if (within) {
                return c;
            }
        }
        return -1;
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            double z = (a[k] - b[k]) / TOLERANCE[k];
            d += z * z;
        }
        return d;
    }
}
