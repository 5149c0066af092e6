package org.plantwin.learning.forecast.deep;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.ModelDescriptor;
import org.plantwin.learning.api.TimeSeries;

/**
 * A global DJL forecaster: one network trained on scaled windows of all training series (see
 * {@link WindowSampler}), then applied to the last {@code L} values of each series to forecast.
 * Subclasses give the network, the loss and how outputs become forecasts.
 */
public abstract class AbstractDeepForecaster implements Forecaster, AutoCloseable {

    private static final int PREDICT_BATCH = 1024;

    private final DeepForecasterConfig config;
    private ForecastTask task;
    private int inputLength;
    private Model model;
    private final List<Double> losses = new ArrayList<>();
    private ModelDescriptor descriptor;

    protected AbstractDeepForecaster(DeepForecasterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The network for lookback {@code inputLength} and {@code task}: input {@code (B, L)}. */
    protected abstract Block buildBlock(int inputLength, ForecastTask task);

    /** Hyper-parameters that fix the network's shape, stored in the descriptor. */
    protected abstract Map<String, Integer> architecture();

    /** The default lookback for {@code task} when the config leaves it at 0. */
    protected abstract int defaultInputLength(ForecastTask task);

    /** The scalar training loss of {@code output} against scaled {@code target} {@code (B, H)}. */
    protected abstract NDArray loss(NDArray output, NDArray target);

    /** Turns the network output for one series ({@code values} flattened, back in series units) into its forecast. */
    protected abstract Forecast toForecast(String id, double[] values, int horizon);

    /** How windows are scaled: by the mean absolute value of the lookback unless a subclass says otherwise. */
    protected WindowScaling scaling() {
        return WindowScaling.MEAN_ABS;
    }

    /** The quantile levels this model outputs; empty for a point model. */
    protected abstract List<Double> quantileLevels();

    /** The architecture version stored in the descriptor. */
    protected abstract int modelVersion();

    @Override
    public void fit(List<TimeSeries> training, ForecastTask task) {
        this.task = Objects.requireNonNull(task, "task");
        close();
        losses.clear();
        long start = System.nanoTime();
        Engine engine = DjlRuntime.engine(config.threads());
        engine.setRandomSeed((int) config.seed());
        inputLength = config.inputLength() > 0 ? config.inputLength() : defaultInputLength(task);
        List<double[]> values = new ArrayList<>(training.size());
        for (TimeSeries s : training) {
            values.add(s.values());
        }
        WindowSampler sampler = new WindowSampler(values, inputLength, task.horizon(),
                config.historyLimit() * task.horizon(), config.seed(), scaling());
        Device device = engine.defaultDevice();
        model = Model.newInstance(name(), device, DjlRuntime.ENGINE);
        model.setBlock(buildBlock(inputLength, task));
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate()))
                .optClipGrad(1f).build();
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l1Loss())
                .optOptimizer(adam)
                .optDevices(new Device[] {device})
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        int batch = config.batchSize();
        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(new Shape(batch, inputLength));
            for (int step = 0; step < config.trainingSteps(); step++) {
                WindowSampler.Batch b = sampler.next(batch);
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDArray x = m.create(b.inputs(), new Shape(batch, inputLength)); // (B, L)
                    NDArray y = m.create(b.targets(), new Shape(batch, task.horizon())); // (B, H)
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray l = loss(out, y);
                        gc.backward(l);
                        losses.add((double) l.getFloat());
                    }
                    trainer.step();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        descriptor = new ModelDescriptor(ModelDescriptor.FORMAT_VERSION, name(), modelVersion(), DjlRuntime.ENGINE,
                architecture(), new ModelDescriptor.Inputs(inputLength, task.horizon(), task.seasonPeriod(),
                        "missing values read as 0"),
                scaling().description(),
                quantileLevels(), sha256(training), training.size(), config, seconds, Map.of());
    }

    @Override
    public List<Forecast> predict(List<TimeSeries> histories) {
        ForecastTask t = task();
        List<Forecast> out = new ArrayList<>(histories.size());
        for (int from = 0; from < histories.size(); from += PREDICT_BATCH) {
            List<TimeSeries> chunk = histories.subList(from, Math.min(histories.size(), from + PREDICT_BATCH));
            int b = chunk.size();
            float[] in = new float[b * inputLength];
            double[] scales = new double[b];
            for (int i = 0; i < b; i++) {
                double[] x = chunk.get(i).values();
                scales[i] = WindowSampler.lookback(x, x.length, inputLength, scaling(), in, i * inputLength);
            }
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray x = m.create(in, new Shape(b, inputLength)); // (B, L)
                NDArray y = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow(); // (B, ...)
                float[] flat = y.toFloatArray();
                int per = flat.length / b;
                for (int i = 0; i < b; i++) {
                    double[] row = new double[per];
                    for (int k = 0; k < per; k++) {
                        row[k] = scaling().inverse(flat[i * per + k], scales[i]);
                    }
                    out.add(toForecast(chunk.get(i).id(), row, t.horizon()));
                }
            }
        }
        return out;
    }

    @Override
    public ForecastTask task() {
        if (task == null || model == null) {
            throw new IllegalStateException("The forecaster (" + name() + ") has not been fitted or loaded.");
        }
        return task;
    }

    /** The training loss after each step, in order. */
    public List<Double> trainingLosses() {
        return List.copyOf(losses);
    }

    /** The descriptor of the trained model; fails if not fitted. */
    public ModelDescriptor descriptor() {
        task();
        return descriptor;
    }

    /** Records evaluation figures to be saved with the model. */
    public void recordMetrics(Map<String, Double> metrics) {
        descriptor = descriptor().withMetrics(metrics);
    }

    /** The training settings. */
    public DeepForecasterConfig config() {
        return config;
    }

    /** Saves DJL parameters ({@code <name>-0000.params}) and {@code <name>.json} into {@code dir}. */
    public void save(Path dir) {
        task();
        try {
            java.nio.file.Files.createDirectories(dir);
            model.save(dir, name());
            ModelStore.writeDescriptor(dir.resolve(name() + ".json"), descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the model (" + name() + ") to (" + dir + ").", e);
        }
    }

    /** Restores a saved model into this (unfitted) forecaster. */
    void restore(Path dir, ModelDescriptor saved) {
        close();
        Engine engine = DjlRuntime.engine(config.threads());
        this.descriptor = saved;
        this.inputLength = saved.inputs().inputLength();
        this.task = new ForecastTask(saved.inputs().horizon(), saved.inputs().seasonPeriod());
        Model m = Model.newInstance(name(), engine.defaultDevice(), DjlRuntime.ENGINE);
        m.setBlock(buildBlock(inputLength, task));
        try {
            m.load(dir, name());
        } catch (IOException e) {
            m.close();
            throw new UncheckedIOException("Cannot load the model (" + name() + ") from (" + dir + ").", e);
        } catch (MalformedModelException e) {
            m.close();
            throw new IllegalArgumentException("The saved model (" + name() + ") in (" + dir + ") is malformed.", e);
        }
        this.model = m;
    }

    /** Releases the network's native memory. */
    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    /** The seasonal-skip period for {@code task}: its season period if the config asks for the skip, else 0. */
    static int skipPeriod(DeepForecasterConfig config, ForecastTask task) {
        if (!config.seasonalSkip()) {
            return 0;
        }
        if (task.seasonPeriod() < 2) {
            throw new IllegalArgumentException(
                    "A seasonal skip needs a season period > 1; the task has (" + task.seasonPeriod() + ").");
        }
        return task.seasonPeriod();
    }

    /** SHA-256 over the ids and the values (IEEE bits) of {@code series}, in order. */
    static String sha256(List<TimeSeries> series) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8);
            for (TimeSeries s : series) {
                md.update(s.id().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                for (double v : s.values()) {
                    buf.clear();
                    buf.putDouble(v);
                    md.update(buf.array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available.", e);
        }
    }
}
