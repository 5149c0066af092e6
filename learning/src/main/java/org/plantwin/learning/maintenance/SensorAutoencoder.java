package org.plantwin.learning.maintenance;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.plantwin.learning.forecast.deep.DjlRuntime;

/**
 * Sensor anomaly detector: a dense autoencoder over scaled sensor windows {@code (W, F)} (the RUL protocol's
 * scaling), trained only on healthy windows. The anomaly score of a window is its mean squared reconstruction
 * error; the alarm threshold is a quantile of the scores of healthy windows.
 *
 * <p>Healthy ("early-life") windows are those that end while more than {@link #HEALTHY_RUL} cycles remain - the
 * plateau of the piecewise-linear RUL target; degraded windows end within the last {@link #DEGRADED_RUL} cycles.
 */
public final class SensorAutoencoder implements AutoCloseable {

    /** Windows ending with more remaining cycles than this are healthy. */
    public static final int HEALTHY_RUL = 125;
    /** Windows ending with fewer remaining cycles than this are degraded (anomalous). */
    public static final int DEGRADED_RUL = 30;
    /** The file name stem in a model directory. */
    public static final String NAME = "autoencoder";
    static final int HIDDEN = 64;
    static final int CODE = 8;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Model model;
    private Descriptor descriptor;

    /**
     * The JSON descriptor beside {@code autoencoder-0000.params}.
     *
     * @param formatVersion layout version (1)
     * @param window cycles per window
     * @param hidden encoder/decoder width
     * @param code bottleneck width
     * @param scaling conditions, sensors kept, per-condition min/max
     * @param thresholdQuantile the healthy-score quantile used as threshold
     * @param threshold the alarm threshold on the mean squared reconstruction error
     * @param trainingDataSha256 SHA-256 of the training units
     * @param seed the training seed
     * @param steps training steps
     * @param trainingSeconds wall-clock training time
     * @param metrics evaluation figures (e.g. ROC AUC)
     * @param flatThreshold the flat-sensor rule: a window also alarms when some sensor's standard deviation over it
     *     (scaled units) is below this, the {@code 1 - thresholdQuantile} quantile of the smallest per-sensor
     *     deviation of the healthy training windows (a stuck sensor reconstructs well but stops moving); null
     *     (descriptors saved before the rule) or 0 = off
     */
    public record Descriptor(int formatVersion, int window, int hidden, int code, SensorScaling scaling,
            double thresholdQuantile, double threshold, String trainingDataSha256, long seed, int steps,
            double trainingSeconds, Map<String, Double> metrics, Double flatThreshold) {

        /** The flat-sensor threshold, 0 when off. */
        public double flat() {
            return flatThreshold == null ? 0 : flatThreshold;
        }
    }

    /**
     * A scored window.
     *
     * @param score the mean squared reconstruction error
     * @param flat whether some sensor's deviation over the window is below {@link Descriptor#flat()}
     * @param alarm {@code score > threshold || flat}
     */
    public record Assessment(double score, boolean flat, boolean alarm) {
    }

    private SensorAutoencoder(Model model, Descriptor descriptor) {
        this.model = model;
        this.descriptor = descriptor;
    }

    /** The healthy windows of run-to-failure units. */
    public static RulProtocol.Windows healthyWindows(List<EngineUnit> units, SensorScaling s, int window) {
        return select(RulProtocol.trainingWindows(units, s, window, Double.MAX_VALUE), HEALTHY_RUL, true);
    }

    /** The degraded windows (last cycles before failure) of run-to-failure units. */
    public static RulProtocol.Windows degradedWindows(List<EngineUnit> units, SensorScaling s, int window) {
        return select(RulProtocol.trainingWindows(units, s, window, Double.MAX_VALUE), DEGRADED_RUL, false);
    }

    /**
     * Trains on the healthy windows of {@code units} for {@code steps} mini-batches of {@code batch}, seeded; the
     * threshold is the {@code quantile} of the healthy training windows' scores.
     */
    public static SensorAutoencoder train(List<EngineUnit> units, int window, long seed, int steps, int batch,
            double quantile, int threads) {
        long start = System.nanoTime();
        Engine engine = DjlRuntime.engine(threads);
        engine.setRandomSeed((int) seed);
        SensorScaling scaling = RulProtocol.fit(units);
        RulProtocol.Windows healthy = healthyWindows(units, scaling, window);
        if (healthy.count() == 0) {
            throw new IllegalArgumentException("No unit runs longer than " + (HEALTHY_RUL + window)
                    + " cycles, so there are no healthy windows to train on.");
        }
        int d = window * scaling.features();
        Device device = engine.defaultDevice();
        Model model = Model.newInstance(NAME, device, DjlRuntime.ENGINE);
        model.setBlock(block(d));
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(new Device[] {device}).optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        SplittableRandom r = new SplittableRandom(seed);
        float[] xb = new float[batch * d];
        try (Trainer trainer = model.newTrainer(tc)) {
            trainer.initialize(new Shape(batch, window, scaling.features()));
            for (int step = 0; step < steps; step++) {
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(healthy.inputs(), r.nextInt(healthy.count()) * d, xb, i * d, d);
                }
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDArray x = m.create(xb, new Shape(batch, window, scaling.features())); // (B, W, F)
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(x)).singletonOrThrow(); // (B, W*F)
                        gc.backward(out.sub(x.reshape(batch, d)).square().mean());
                    }
                    trainer.step();
                }
            }
        }
        SensorAutoencoder ae = new SensorAutoencoder(model, null);
        double[] scores = ae.scoreWindows(healthy);
        double threshold = quantile(scores, quantile);
        double flat = quantile(smallestDeviation(healthy), 1 - quantile);
        ae.descriptor = new Descriptor(1, window, HIDDEN, CODE, scaling, quantile, threshold,
                RulProtocol.sha256(units), seed, steps, (System.nanoTime() - start) / 1e9, Map.of(), flat);
        return ae;
    }

    /** Encoder {@code (B, W*F) -> 64 -> 8}, decoder {@code 8 -> 64 -> W*F}; tanh inside, linear output. */
    static Block block(int d) {
        return new SequentialBlock().add(Blocks.batchFlattenBlock()) // (B, W*F)
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(CODE).build()).add(Activation::tanh) // (B, 8)
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(d).build()); // (B, W*F)
    }

    /** Mean squared reconstruction error per window. */
    public double[] scoreWindows(RulProtocol.Windows w) {
        int d = w.window() * w.features();
        double[] out = new double[w.count()];
        int chunk = 2048;
        for (int from = 0; from < w.count(); from += chunk) {
            int b = Math.min(chunk, w.count() - from);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray x = m.create(Arrays.copyOfRange(w.inputs(), from * d, (from + b) * d),
                        new Shape(b, w.window(), w.features())); // (B, W, F)
                NDArray y = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow(); // (B, W*F)
                float[] e = y.sub(x.reshape(b, d)).square().mean(new int[] {1}).toFloatArray(); // (B)
                for (int i = 0; i < b; i++) {
                    out[from + i] = e[i];
                }
            }
        }
        return out;
    }

    /** Per window: the reconstruction score and both alarm rules (threshold and flat sensor). */
    public Assessment[] assess(RulProtocol.Windows w) {
        double[] s = scoreWindows(w);
        double[] dev = smallestDeviation(w);
        Assessment[] a = new Assessment[s.length];
        for (int i = 0; i < s.length; i++) {
            boolean flat = dev[i] < descriptor.flat();
            a[i] = new Assessment(s[i], flat, flat || s[i] > descriptor.threshold());
        }
        return a;
    }

    /** Whether the last window of each unit raises an alarm ({@link #assess}). */
    public boolean[] alarms(List<EngineUnit> units) {
        Assessment[] s = assess(RulProtocol.lastWindows(units, descriptor.scaling(), descriptor.window()));
        boolean[] a = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            a[i] = s[i].alarm();
        }
        return a;
    }

    /** Per window: the smallest, over sensors, of the standard deviation of a sensor's values in the window. */
    static double[] smallestDeviation(RulProtocol.Windows w) {
        int t = w.window();
        int f = w.features();
        double[] out = new double[w.count()];
        float[] x = w.inputs();
        for (int i = 0; i < w.count(); i++) {
            double min = Double.MAX_VALUE;
            for (int j = 0; j < f; j++) {
                double sum = 0;
                double sq = 0;
                for (int s = 0; s < t; s++) {
                    double v = x[(i * t + s) * f + j];
                    sum += v;
                    sq += v * v;
                }
                double mean = sum / t;
                min = Math.min(min, Math.sqrt(Math.max(0, sq / t - mean * mean)));
            }
            out[i] = min;
        }
        return out;
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    /** Records evaluation figures to be saved with the model. */
    public void recordMetrics(Map<String, Double> metrics) {
        Descriptor d = descriptor;
        descriptor = new Descriptor(d.formatVersion(), d.window(), d.hidden(), d.code(), d.scaling(),
                d.thresholdQuantile(), d.threshold(), d.trainingDataSha256(), d.seed(), d.steps(),
                d.trainingSeconds(), Map.copyOf(metrics), d.flatThreshold());
    }

    /** Writes {@code autoencoder-0000.params} and {@code autoencoder.json} into {@code dir}. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            model.save(dir, NAME);
            JSON.writeValue(dir.resolve(NAME + ".json").toFile(), descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the autoencoder to (" + dir + "): " + e.getMessage(), e);
        }
    }

    /** Loads what {@link #save} wrote. */
    public static SensorAutoencoder load(Path dir, int threads) {
        Path json = dir.resolve(NAME + ".json");
        Descriptor d;
        try {
            d = JSON.readValue(json.toFile(), Descriptor.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The autoencoder descriptor (" + json + ") cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (d.formatVersion() != 1 || d.hidden() != HIDDEN || d.code() != CODE) {
            throw new IllegalArgumentException("The autoencoder in (" + dir + ") has format " + d.formatVersion()
                    + ", widths " + d.hidden() + "/" + d.code() + "; this version reads 1, " + HIDDEN + "/" + CODE + ".");
        }
        Model m = Model.newInstance(NAME, DjlRuntime.engine(threads).defaultDevice(), DjlRuntime.ENGINE);
        m.setBlock(block(d.window() * d.scaling().features()));
        try {
            m.load(dir, NAME);
        } catch (IOException | MalformedModelException e) {
            m.close();
            throw new IllegalArgumentException("The autoencoder parameters in (" + dir + ") cannot be loaded: "
                    + e.getMessage(), e);
        }
        return new SensorAutoencoder(m, d);
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * ROC AUC of scores where {@code positives} should score higher than {@code negatives}: the Mann-Whitney
     * probability that a random positive outscores a random negative, ties counting one half.
     */
    public static double rocAuc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("The AUC needs positives (" + positives.length + ") and negatives ("
                    + negatives.length + ").");
        }
        double[] neg = negatives.clone();
        Arrays.sort(neg);
        double sum = 0;
        for (double p : positives) {
            int below = lowerBound(neg, p);
            int notAbove = upperBound(neg, p);
            sum += below + 0.5 * (notAbove - below);
        }
        return sum / ((double) positives.length * neg.length);
    }

    /** The {@code q} quantile (nearest rank) of {@code values}. */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Windows whose uncapped remaining life is above ({@code healthy}) or below {@code rul}. */
    private static RulProtocol.Windows select(RulProtocol.Windows all, int rul, boolean healthy) {
        int d = all.window() * all.features();
        int n = 0;
        for (float t : all.targets()) {
            if (healthy ? t > rul : t < rul) {
                n++;
            }
        }
        float[] x = new float[n * d];
        float[] y = new float[n];
        int[] u = new int[n];
        int j = 0;
        for (int i = 0; i < all.count(); i++) {
            float t = all.targets()[i];
            if (healthy ? t > rul : t < rul) {
                System.arraycopy(all.inputs(), i * d, x, j * d, d);
                y[j] = t;
                u[j] = all.units()[i];
                j++;
            }
        }
        return new RulProtocol.Windows(x, y, u, n, all.window(), all.features());
    }
}
