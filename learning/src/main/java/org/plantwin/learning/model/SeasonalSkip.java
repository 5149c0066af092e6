package org.plantwin.learning.model;

import ai.djl.ndarray.NDArray;

/** The seasonal-naive skip connection: the last cycle of the lookback repeated over the horizon. */
final class SeasonalSkip {

    private SeasonalSkip() {
    }

    /** {@code x (B, L)} -> {@code (B, H)} with {@code out[:, k] = x[:, L - p + (k mod p)]}. */
    static NDArray repeatLastCycle(NDArray x, int period, int horizon) {
        long length = x.getShape().get(1);
        NDArray cycle = x.get(":, " + (length - period) + ":"); // (B, p)
        int repeats = (horizon + period - 1) / period;
        return cycle.tile(new long[] {1, repeats}).get(":, :" + horizon); // (B, ceil(H/p)*p) -> (B, H)
    }
}
