package org.plantwin.learning.forecast.deep;

/**
 * How a training or forecast window is put on a common scale before a global network sees it. The scale
 * {@code s} of a window is the mean absolute value of its lookback (1 if that is below
 * {@link WindowSampler#MIN_SCALE}); inputs and targets are mapped with {@link #forward}, network outputs back
 * with {@link #inverse}.
 */
public enum WindowScaling {

    /** {@code v / s}: for any sign and for intermittent series with many zeros. */
    MEAN_ABS("each window divided by the mean absolute value of its lookback (1 if that is below "
            + WindowSampler.MIN_SCALE + "); outputs multiplied back") {
        @Override
        double forward(double value, double scale) {
            return value / scale;
        }

        @Override
        double inverse(double z, double scale) {
            return z * scale;
        }
    },

    /**
     * {@code ln(v / s)}: multiplicative level and seasonality become additive, and an absolute error in this
     * space is a relative error, close to what sMAPE scores. For positive series; values below
     * {@link #LOG_FLOOR}·s are raised to it.
     */
    LOG_LEVEL("ln(value / s), s = mean absolute value of the lookback (1 if below " + WindowSampler.MIN_SCALE
            + "), values raised to at least " + WindowScaling.LOG_FLOOR + "·s; outputs s·exp(z)") {
        @Override
        double forward(double value, double scale) {
            return Math.log(Math.max(value, LOG_FLOOR * scale) / scale);
        }

        @Override
        double inverse(double z, double scale) {
            // The clamp keeps a diverged network from producing infinities.
            return scale * Math.exp(Math.max(-MAX_LOG, Math.min(MAX_LOG, z)));
        }
    };

    /** The smallest value, relative to the scale, that {@link #LOG_LEVEL} takes the logarithm of. */
    static final double LOG_FLOOR = 0.01;
    private static final double MAX_LOG = 20;

    private final String description;

    WindowScaling(String description) {
        this.description = description;
    }

    /** A value of the window in network space. */
    abstract double forward(double value, double scale);

    /** A network output back in the units of the series. */
    abstract double inverse(double z, double scale);

    /** One line for the model descriptor. */
    public String description() {
        return description;
    }
}
