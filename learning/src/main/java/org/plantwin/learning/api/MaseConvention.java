package org.plantwin.learning.api;

/** How MASE is scaled and averaged: the two published conventions this module is compared against. */
public enum MaseConvention {
    /**
     * As the M4 organisers' {@code mase_cal}: scale = mean of {@code |y[t] - y[t-m]|} over the in-sample
     * (missing terms skipped); every series and step counts in the mean, whatever its value.
     */
    M4,
    /**
     * As the Monash archive's {@code error_calculator.R}: per series {@code MASE = MAE / scale} with lag
     * {@code m}, or lag 1 where that MASE is undefined (no lag-{@code m} difference, or 0/0: a perfect forecast
     * of a series whose lag-{@code m} differences are all 0); series whose MASE is then still infinite or
     * undefined (e.g. an all-zero history) are dropped before averaging. sMAPE terms with 0/0 are dropped
     * likewise.
     */
    MONASH
}
