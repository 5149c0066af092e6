package org.plantwin.learning.planning;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.plantwin.actors.api.ReplenishmentPolicy;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.TimeSeries;

/**
 * Forecast-driven make-to-stock: at every periodic review, orders up to the forecast demand over the protection
 * interval (review period + lead time) plus a safety stock taken from the forecaster's own past errors.
 *
 * <p>At review {@code t} (history of {@code n} complete periods) the forecaster predicts the next
 * {@code ceil(P)} periods, {@code P = protectionPeriods}; the protection demand is the sum of the first
 * {@code floor(P)} steps plus the fraction {@code P - floor(P)} of the next. Once those periods have been
 * observed, the difference actual minus forecast joins the error record; the safety stock is the
 * {@code serviceLevel} quantile (nearest rank) of the last {@code errorWindow} such errors of the forecaster. Until
 * {@code minErrors} errors exist, it is {@code z·sd·sqrt(P)} with {@code sd} the standard deviation of the
 * per-period demand so far; until {@code minHistory} periods exist, the forecast is the mean demand so far.
 *
 * <p>The forecaster is refitted ({@link Forecaster#fit}) every {@code retrainEvery} reviews: retrain points are
 * review counts, not wall-clock times. Local statistical models re-estimate their parameters on every
 * {@link Forecaster#predict} anyway, so for them retraining is cheap; the deep models learn weights only at
 * retrain points (seeded, one PyTorch thread) and forecast from the latest history in between.
 *
 * <p>Deterministic and single-threaded as the SPI requires: no wall clock, no threads of its own. It keeps
 * state (the error record, the fitted model), so <b>use one instance per run and product</b>; build them from
 * one {@link Settings} with {@link #create}.
 */
public final class ForecastReplenishment implements ReplenishmentPolicy, AutoCloseable {

    /**
     * What the policy does.
     *
     * @param reviewPeriodMillis time between reviews and length of a demand period (daily: 86,400,000)
     * @param model a {@link Forecasters} name: {@code ses}, {@code theta}, {@code damped}, ..., {@code lstm}
     * @param seasonPeriod periods per season (7 for daily demand with a weekly pattern)
     * @param protectionPeriods review period + replenishment lead time, in periods (may be fractional, e.g. 1.5)
     * @param serviceLevel the probability that the order-up-to level covers the protection demand, in (0, 1)
     * @param retrainEvery refit the forecaster every this many reviews (>= 1)
     * @param minHistory periods of history before the forecaster is used (the mean demand before that)
     * @param minErrors forecast errors before their quantile is used (the normal approximation before that)
     * @param errorWindow the number of latest errors whose quantile gives the safety stock
     * @param seed the deep models' seed; statistical models are deterministic
     * @param deepSteps training steps of the deep models at each retrain
     */
    public record Settings(long reviewPeriodMillis, String model, int seasonPeriod, double protectionPeriods,
                           double serviceLevel, int retrainEvery, int minHistory, int minErrors, int errorWindow,
                           long seed, int deepSteps) {

        public Settings {
            Objects.requireNonNull(model, "model");
            if (reviewPeriodMillis <= 0) {
                throw new IllegalArgumentException("The reviewPeriodMillis (" + reviewPeriodMillis + ") must be > 0.");
            }
            if (seasonPeriod < 1 || retrainEvery < 1 || minHistory < 1 || minErrors < 1 || errorWindow < minErrors
                    || deepSteps < 1) {
                throw new IllegalArgumentException("The seasonPeriod (" + seasonPeriod + "), retrainEvery ("
                        + retrainEvery + "), minHistory (" + minHistory + "), minErrors (" + minErrors
                        + ") and deepSteps (" + deepSteps + ") must be >= 1 and errorWindow (" + errorWindow
                        + ") >= minErrors.");
            }
            if (!(protectionPeriods > 0)) {
                throw new IllegalArgumentException("The protectionPeriods (" + protectionPeriods + ") must be > 0.");
            }
            if (!(serviceLevel > 0 && serviceLevel < 1)) {
                throw new IllegalArgumentException("The serviceLevel (" + serviceLevel + ") must be in (0, 1).");
            }
        }

        /**
         * Daily reviews, {@code theta} with a weekly season (m = 7), protection 1.5 days, 99 % cycle service,
         * refit every 7 reviews, forecaster from 21 days of history, error quantile from 14 errors over the
         * last 56.
         */
        public static Settings daily() {
            return new Settings(86_400_000L, "theta", 7, 1.5, 0.99, 7, 21, 14, 56, 42, 200);
        }

        public Settings withModel(String value) {
            return new Settings(reviewPeriodMillis, value, seasonPeriod, protectionPeriods, serviceLevel, retrainEvery,
                    minHistory, minErrors, errorWindow, seed, deepSteps);
        }

        public Settings withProtectionPeriods(double value) {
            return new Settings(reviewPeriodMillis, model, seasonPeriod, value, serviceLevel, retrainEvery,
                    minHistory, minErrors, errorWindow, seed, deepSteps);
        }

        public Settings withServiceLevel(double value) {
            return new Settings(reviewPeriodMillis, model, seasonPeriod, protectionPeriods, value, retrainEvery,
                    minHistory, minErrors, errorWindow, seed, deepSteps);
        }

        public Settings withRetrainEvery(int value) {
            return new Settings(reviewPeriodMillis, model, seasonPeriod, protectionPeriods, serviceLevel, value,
                    minHistory, minErrors, errorWindow, seed, deepSteps);
        }

        public Settings withSeed(long value) {
            return new Settings(reviewPeriodMillis, model, seasonPeriod, protectionPeriods, serviceLevel, retrainEvery,
                    minHistory, minErrors, errorWindow, value, deepSteps);
        }

        public Settings withDeepSteps(int value) {
            return new Settings(reviewPeriodMillis, model, seasonPeriod, protectionPeriods, serviceLevel, retrainEvery,
                    minHistory, minErrors, errorWindow, seed, value);
        }

        /** A short label for reports, e.g. {@code forecast(theta, m=7, P=1.5, SL=95%)}. */
        public String label() {
            return String.format(Locale.ROOT, "forecast(%s, m=%d, P=%s, SL=%.0f%%)", model, seasonPeriod,
                    protectionPeriods, 100 * serviceLevel);
        }
    }

    /** What the policy decided at one review, for tests and traces. */
    public record Decision(int review, int historyLength, double protectionDemand, double safetyStock,
                           double orderUpTo, long position, long order) {
    }

    private record Pending(int firstPeriod, double forecast, boolean fromModel) {
    }

    private final Settings settings;
    private final Forecaster forecaster;
    private final double z;
    private final int steps;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<Double> errors = new ArrayDeque<>();
    private int reviews;
    private int lastFitReview = -1;
    private int fits;
    private Decision last;

    private ForecastReplenishment(Settings settings) {
        this.settings = settings;
        this.steps = (int) Math.ceil(settings.protectionPeriods());
        this.z = NormalDistribution.of(0, 1).inverseCumulativeProbability(settings.serviceLevel());
        // One PyTorch thread: the policy runs on the run's lane and must not fan out (ARCHITECTURE §2 Threads).
        DeepForecasterConfig deep = new DeepForecasterConfig(settings.seed(), settings.deepSteps(), 64, 2e-3f,
                2 * settings.seasonPeriod(), 16, 0, 1, settings.seasonPeriod() > 1);
        this.forecaster = Forecasters.create(settings.model(), deep);
    }

    /** A fresh policy (one per run and product). */
    public static ForecastReplenishment create(Settings settings) {
        return new ForecastReplenishment(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public long reviewPeriodMillis() {
        return settings.reviewPeriodMillis();
    }

    @Override
    public long order(View view) {
        double[] history = view.demandHistory();
        int n = history.length;
        int review = reviews++;
        recordErrors(history);
        double protection;
        boolean fromModel = false;
        if (n == 0) {
            protection = 0;
        } else if (n < settings.minHistory()) {
            protection = mean(history) * settings.protectionPeriods();
        } else {
            if (lastFitReview < 0 || review - lastFitReview >= settings.retrainEvery()) {
                TimeSeries s = new TimeSeries(view.warehouse() + "/" + view.product(), history);
                forecaster.fit(List.of(s), new ForecastTask(steps, settings.seasonPeriod()));
                lastFitReview = review;
                fits++;
            }
            double[] f = forecaster.predict(List.of(new TimeSeries(view.product(), history))).get(0).mean();
            protection = weighted(f, 0);
            fromModel = true;
        }
        if (n > 0) {
            pending.addLast(new Pending(n, protection, fromModel));
        }
        double safety = safetyStock(history);
        double level = Math.max(0, protection + safety);
        long position = view.position();
        long order = Math.max(0, (long) Math.ceil(level - position));
        last = new Decision(review, n, protection, safety, level, position, order);
        return order;
    }

    /** The last review's decision; null before the first review. */
    public Decision lastDecision() {
        return last;
    }

    /** How many times the forecaster was fitted. */
    public int fits() {
        return fits;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return settings.label();
    }

    @Override
    public void close() {
        if (forecaster instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot release the forecaster (" + forecaster.name() + ").", e);
            }
        }
    }

    /** Moves every forecast whose protection periods have all been observed into the error record. */
    private void recordErrors(double[] history) {
        while (!pending.isEmpty() && pending.peekFirst().firstPeriod() + steps <= history.length) {
            Pending p = pending.removeFirst();
            if (!p.fromModel()) {
                continue; // the mean forecast of the first days is not the model: its errors would mislead
            }
            double actual = weighted(history, p.firstPeriod());
            errors.addLast(actual - p.forecast());
            if (errors.size() > settings.errorWindow()) {
                errors.removeFirst();
            }
        }
    }

    private double safetyStock(double[] history) {
        if (errors.size() >= settings.minErrors()) {
            double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(e);
            int rank = (int) Math.ceil(settings.serviceLevel() * e.length); // nearest rank, 1-based
            return e[Math.max(0, Math.min(e.length - 1, rank - 1))];
        }
        if (history.length < 2) {
            return 0;
        }
        return z * sd(history) * Math.sqrt(settings.protectionPeriods());
    }

    /** Sum of {@code floor(P)} values from {@code from}, plus the fraction of the next. */
    private double weighted(double[] values, int from) {
        double p = settings.protectionPeriods();
        int whole = (int) Math.floor(p);
        double sum = 0;
        for (int i = 0; i < whole; i++) {
            sum += Math.max(0, values[from + i]);
        }
        double frac = p - whole;
        if (frac > 0) {
            sum += frac * Math.max(0, values[from + whole]);
        }
        return sum;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
