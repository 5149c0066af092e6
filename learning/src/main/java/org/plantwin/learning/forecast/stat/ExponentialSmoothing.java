package org.plantwin.learning.forecast.stat;

/**
 * Additive-error exponential smoothing without seasonality, fitted as R's {@code forecast::ets} (v8.2) fits
 * it when called by {@code ses()} and {@code holt()}: models ANN, AAN and damped AAN, parameters and initial
 * states chosen together by Nelder–Mead minimising the in-sample one-step mean squared error
 * ({@code opt.crit = "mse"}), with the "usual" parameter bounds.
 */
final class ExponentialSmoothing {

    /** The three models the M4 benchmarks use. */
    enum Trend {
        /** ANN: simple exponential smoothing. */
        NONE,
        /** AAN: Holt's linear trend. */
        LINEAR,
        /** AAdN: damped trend. */
        DAMPED
    }

    // ets defaults: lower = c(1e-4, 1e-4, 1e-4, 0.8), upper = c(0.9999, 0.9999, 0.9999, 0.98).
    private static final double LOWER = 1e-4;
    private static final double UPPER = 0.9999;
    private static final double PHI_LOWER = 0.8;
    private static final double PHI_UPPER = 0.98;
    private static final int MAXIT = 2000;

    private final Trend trend;
    private final double alpha;
    private final double beta;
    private final double phi;
    /** Level and slope after the last observation. */
    private final double level;
    private final double slope;
    private final double[] fitted;
    private final double mse;

    private ExponentialSmoothing(Trend trend, double[] params, double[] y) {
        this.trend = trend;
        this.alpha = params[0];
        this.beta = trend == Trend.NONE ? Double.NaN : params[1];
        this.phi = trend == Trend.DAMPED ? params[2] : 1.0;
        double[] state = new double[2];
        this.fitted = new double[y.length];
        this.mse = filter(trend, alpha, beta, phi, initial(trend, params), y, fitted, state);
        this.level = state[0];
        this.slope = state[1];
    }

    /** Fits {@code trend} to {@code y} as {@code ets(y, model, opt.crit = "mse")}. */
    static ExponentialSmoothing fit(double[] y, Trend trend) {
        if (y.length < 2 && trend != Trend.NONE) {
            throw new IllegalArgumentException(
                    "A trend model needs at least two observations; got (" + y.length + ").");
        }
        double[] start = startParameters(y, trend);
        NelderMead.Result r = NelderMead.minimise(p -> objective(trend, p, y), start,
                Double.NEGATIVE_INFINITY, Math.sqrt(Math.ulp(1.0)), MAXIT);
        return new ExponentialSmoothing(trend, r.point(), y);
    }

    /** The point forecast {@code h} steps ahead, as {@code forecast.ets} gives it. */
    double[] forecast(int h) {
        double[] out = new double[h];
        double damp = 0;
        double phiPower = 1;
        for (int k = 0; k < h; k++) {
            phiPower *= phi;
            damp += phiPower;
            out[k] = switch (trend) {
                case NONE -> level;
                case LINEAR -> level + (k + 1) * slope;
                case DAMPED -> level + damp * slope;
            };
        }
        return out;
    }

    /** The one-step in-sample forecasts ({@code fitted(model)}). */
    double[] fitted() {
        return fitted.clone();
    }

    double alpha() {
        return alpha;
    }

    double beta() {
        return beta;
    }

    double phi() {
        return phi;
    }

    double mse() {
        return mse;
    }

    /** Parameter vector as ets orders it: (alpha, [beta], [phi], l0, [b0]). */
    private static double[] startParameters(double[] y, Trend trend) {
        // initparam(): alpha = lower + 0.2 (upper - lower) / m with m = 1 for non-seasonal models;
        // beta = lower + 0.1 (min(upper, alpha) - lower); phi = lower + 0.99 (upper - lower).
        double alpha = LOWER + 0.2 * (UPPER - LOWER);
        double beta = LOWER + 0.1 * (Math.min(UPPER, alpha) - LOWER);
        double phi = PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER);
        // initstate(): first maxn = min(max(10, 2m), n) points; mean for the level, or an OLS line
        // (intercept at t = 0, t = 1..maxn) for level and slope.
        int maxn = Math.min(10, y.length);
        if (trend == Trend.NONE) {
            double sum = 0;
            for (int i = 0; i < maxn; i++) {
                sum += y[i];
            }
            return new double[] {alpha, sum / maxn};
        }
        double[] line = Regression.line(y, maxn);
        double l0 = line[0];
        double b0 = line[1];
        if (Math.abs(l0 + b0) < 1e-8) {
            l0 *= 1 + 1e-3;
            b0 *= 1 - 1e-3;
        }
        return trend == Trend.LINEAR
                ? new double[] {alpha, beta, l0, b0}
                : new double[] {alpha, beta, phi, l0, b0};
    }

    private static double[] initial(Trend trend, double[] p) {
        return switch (trend) {
            case NONE -> new double[] {p[1], 0};
            case LINEAR -> new double[] {p[2], p[3]};
            case DAMPED -> new double[] {p[3], p[4]};
        };
    }

    private static double objective(Trend trend, double[] p, double[] y) {
        double alpha = p[0];
        if (alpha < LOWER || alpha > UPPER) {
            return Double.POSITIVE_INFINITY;
        }
        double beta = Double.NaN;
        double phi = 1.0;
        if (trend != Trend.NONE) {
            beta = p[1];
            if (beta < LOWER || beta > alpha || beta > UPPER) {
                return Double.POSITIVE_INFINITY;
            }
        }
        if (trend == Trend.DAMPED) {
            phi = p[2];
            if (phi < PHI_LOWER || phi > PHI_UPPER) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return filter(trend, alpha, beta, phi, initial(trend, p), y, null, new double[2]);
    }

    /**
     * Runs the ETS recursions (forecast package {@code etscalc}, additive error and trend) and returns the mean
     * squared one-step error; fills {@code fitted} when given and leaves the final level and slope in {@code state}.
     */
    private static double filter(Trend trend, double alpha, double beta, double phi, double[] init, double[] y,
            double[] fitted, double[] state) {
        double l = init[0];
        double b = trend == Trend.NONE ? 0 : init[1];
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            double phib = trend == Trend.NONE ? 0 : phi * b;
            double f = l + phib;
            if (fitted != null) {
                fitted[t] = f;
            }
            double e = y[t] - f;
            sse += e * e;
            double newL = f + alpha * e;
            if (trend != Trend.NONE) {
                b = phib + (beta / alpha) * (newL - l - phib);
            }
            l = newL;
        }
        state[0] = l;
        state[1] = b;
        return sse / y.length;
    }
}
