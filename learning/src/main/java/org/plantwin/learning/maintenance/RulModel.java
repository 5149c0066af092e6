package org.plantwin.learning.maintenance;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.plantwin.learning.forecast.deep.DjlRuntime;
import org.plantwin.learning.model.WeightAverage;

/**
 * A trained remaining-useful-life model: the scaling of {@link RulProtocol} plus a DJL network
 * ({@link RulNetworks}) that maps the last {@code W} cycles of a unit to its RUL.
 *
 * <p>Training: whole units are split into training and validation (seeded); Adam on the MSE of RUL / cap over
 * shuffled mini-batches of all training windows; after each epoch the validation RMSE (all windows of the
 * validation units, in cycles) decides early stopping, and the best epoch's weights are kept.
 */
public final class RulModel implements AutoCloseable {

    /** The file name stem in a model directory: {@code rul-0000.params} and {@code rul.json}. */
    public static final String NAME = "rul";
    private static final int MODEL_VERSION = 1;
    private static final int PREDICT_BATCH = 2048;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The ensemble's networks; member 0 is saved as {@code rul}, member k as {@code rul-mk}. */
    private final List<Model> models;
    private RulDescriptor descriptor;

    private RulModel(List<Model> models, RulDescriptor descriptor) {
        this.models = List.copyOf(models);
        this.descriptor = descriptor;
    }

    /**
     * Trains on run-to-failure units; {@code log} (nullable) gets one line per epoch. With
     * {@link RulConfig#members()} above 1, that many networks are trained on the same split with seeds
     * {@code seed, seed+1, ...} and the model predicts their mean; the descriptor's epochs are the first
     * member's, the metrics add each member's validation RMSE and epochs.
     */
    public static RulModel train(List<EngineUnit> units, RulConfig config, PrintStream log) {
        Objects.requireNonNull(config, "config");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("The training set has no units.");
        }
        long start = System.nanoTime();
        Engine engine = DjlRuntime.engine(config.threads());
        engine.setRandomSeed((int) config.seed());
        SplittableRandom random = new SplittableRandom(config.seed());
        List<EngineUnit> shuffled = new ArrayList<>(units);
        shuffle(shuffled, random);
        int nVal = config.validationFraction() == 0 || units.size() < 2 ? 0
                : Math.max(1, (int) Math.round(config.validationFraction() * units.size()));
        List<EngineUnit> val = sortByUnit(shuffled.subList(0, nVal));
        List<EngineUnit> fit = sortByUnit(shuffled.subList(nVal, shuffled.size()));

        SensorScaling scaling = RulProtocol.fit(fit);
        int w = config.window();
        RulProtocol.Inputs inputs = RulProtocol.Inputs.of(config);
        RulProtocol.Windows train = RulProtocol.trainingWindows(fit, scaling, w, config.rulCap(), inputs);
        RulProtocol.Windows valWindows = val.isEmpty() ? null : config.validationEnd() > 0
                ? RulProtocol.endOfLifeWindows(val, scaling, w, inputs, config.validationEnd())
                : RulProtocol.trainingWindows(val, scaling, w, config.rulCap(), inputs);

        List<Model> models = new ArrayList<>();
        Map<String, Double> metrics = new java.util.TreeMap<>();
        int epochsRun = 0;
        int bestEpoch = 0;
        for (int k = 0; k < config.members(); k++) {
            if (k > 0) {
                // Member k: its own initial weights, dropout and batch order; the split stays member 0's.
                engine.setRandomSeed((int) (config.seed() + k));
                random = new SplittableRandom(config.seed() + k);
            }
            Member m = trainMember(engine, train, valWindows, config, random, log);
            models.add(m.model());
            if (k == 0) {
                epochsRun = m.epochsRun();
                bestEpoch = m.bestEpoch();
            }
            if (config.members() > 1) {
                metrics.put("member" + k + "ValidationRmse", m.best());
                metrics.put("member" + k + "Epochs", (double) m.epochsRun());
            }
            if (k == config.members() - 1) {
                // The ensemble's figure: the RMSE of the mean prediction (= the member's own for one network).
                metrics.put(valWindows == null ? "trainRmse" : "validationRmse", valWindows == null ? m.best()
                        : RulMetrics.rmse(predictWindows(models, valWindows, (float) config.rulCap()),
                                toDouble(valWindows.targets())));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> features = inputs.names(scaling.sensorsKept());
        RulDescriptor d = new RulDescriptor(RulDescriptor.FORMAT_VERSION, config.architecture(), MODEL_VERSION,
                DjlRuntime.ENGINE, RulNetworks.architecture(config.architecture()), w, features, config.rulCap(),
                "units shorter than the window repeat their first cycle", scaling, RulProtocol.sha256(units),
                fit.stream().map(EngineUnit::unit).toList(), val.stream().map(EngineUnit::unit).toList(), config,
                seconds, epochsRun, bestEpoch, Map.copyOf(metrics));
        if (log != null && config.members() > 1) {
            log.printf(java.util.Locale.ROOT, "ensemble of %d: %s%n", config.members(), metrics);
        }
        return new RulModel(models, d);
    }

    /** One trained network, its best validation (or training) RMSE, epochs run and the best epoch. */
    private record Member(Model model, double best, int epochsRun, int bestEpoch) {
    }

    /**
     * Adam on the MSE of RUL / cap, learning rate decayed per step (cosine) from {@link RulConfig#learningRate()}
     * to {@link RulConfig#finalLearningRate()} over {@code maxEpochs}; early stopping on the validation RMSE, the
     * best epoch's weights kept.
     */
    private static Member trainMember(Engine engine, RulProtocol.Windows train, RulProtocol.Windows valWindows,
            RulConfig config, SplittableRandom random, PrintStream log) {
        long start = System.nanoTime();
        int w = config.window();
        int f = train.features();
        Device device = engine.defaultDevice();
        Model model = Model.newInstance(NAME, device, DjlRuntime.ENGINE);
        model.setBlock(RulNetworks.build(config.architecture()));
        int batch = Math.min(config.batchSize(), train.count());
        int stepsPerEpoch = train.count() / batch;
        Tracker lr = config.finalLearningRate() == config.learningRate() ? Tracker.fixed(config.learningRate())
                : Tracker.cosine().setBaseValue(config.learningRate()).optFinalValue(config.finalLearningRate())
                        .setMaxUpdates(config.maxEpochs() * stepsPerEpoch).build();
        Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).build();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam)
                .optDevices(new Device[] {device})
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        int[] order = new int[train.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float cap = (float) config.rulCap();
        double best = Double.POSITIVE_INFINITY;
        List<float[]> bestWeights = null;
        int bestEpoch = 0;
        int epoch = 0;
        float[] xb = new float[batch * w * f];
        float[] yb = new float[batch];
        try (Trainer trainer = model.newTrainer(tc)) {
            trainer.initialize(new Shape(batch, w, f));
            WeightAverage average = config.emaDecay() > 0 ? new WeightAverage(model, config.emaDecay()) : null;
            for (epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                shuffle(order, random);
                double lossSum = 0;
                int steps = 0;
                for (int from = 0; from + batch <= order.length; from += batch) {
                    for (int i = 0; i < batch; i++) {
                        int src = order[from + i];
                        System.arraycopy(train.inputs(), src * w * f, xb, i * w * f, w * f);
                        yb[i] = train.targets()[src] / cap;
                    }
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray x = m.create(xb, new Shape(batch, w, f)); // (B, W, F)
                        NDArray y = m.create(yb, new Shape(batch, 1)); // (B, 1)
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new NDList(x)).singletonOrThrow(); // (B, 1)
                            NDArray loss = out.sub(y).square().mean();
                            gc.backward(loss);
                            lossSum += loss.getFloat();
                        }
                        trainer.step();
                    }
                    if (average != null) {
                        average.update();
                    }
                    steps++;
                }
                double trainRmse = Math.sqrt(lossSum / steps) * cap;
                // With averaging, the average is what is validated and kept; training goes on from the weights.
                List<float[]> current = average == null ? null : snapshot(model);
                if (average != null) {
                    restore(model, average.values());
                }
                double valRmse = valWindows == null ? trainRmse
                        : RulMetrics.rmse(predictWindows(List.of(model), valWindows, cap),
                                toDouble(valWindows.targets()));
                boolean improved = valRmse < best;
                if (improved) {
                    best = valRmse;
                    bestEpoch = epoch;
                    bestWeights = snapshot(model);
                }
                if (average != null) {
                    restore(model, current);
                }
                if (log != null) {
                    log.printf(java.util.Locale.ROOT, "epoch %3d  train RMSE %7.3f  validation RMSE %7.3f%s  %.0f s%n",
                            epoch, trainRmse, valRmse, improved ? " *" : "", (System.nanoTime() - start) / 1e9);
                }
                if (epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
        }
        restore(model, bestWeights);
        return new Member(model, best, Math.min(epoch, config.maxEpochs()), bestEpoch);
    }

    /** The predicted RUL after the last cycle of each unit (its last window), clipped to [0, cap]. */
    public double[] predict(List<EngineUnit> units) {
        if (units.isEmpty()) {
            return new double[0];
        }
        RulProtocol.Windows last = RulProtocol.lastWindows(units, descriptor.scaling(), descriptor.window(),
                RulProtocol.Inputs.of(descriptor.config()));
        return predictWindows(models, last, (float) descriptor.rulCap());
    }

    /**
     * The RUL after the last cycle of each unit, averaged over its last {@code lastWindows} windows: the window
     * that ends {@code j} cycles earlier predicts the RUL plus {@code j}, so it counts as its prediction minus
     * {@code j} (a unit with fewer cycles uses those it has); clipped to [0, cap]. 1 = {@link #predict(List)}.
     */
    public double[] predict(List<EngineUnit> units, int lastWindows) {
        if (lastWindows < 1) {
            throw new IllegalArgumentException("The lastWindows (" + lastWindows + ") must be >= 1.");
        }
        double[] sum = new double[units.size()];
        int[] count = new int[units.size()];
        for (int j = 0; j < lastWindows; j++) {
            List<EngineUnit> cut = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                if (units.get(i).cycles() > j) {
                    cut.add(units.get(i).truncate(units.get(i).cycles() - j));
                    index.add(i);
                }
            }
            double[] p = predict(cut);
            for (int k = 0; k < p.length; k++) {
                sum[index.get(k)] += p[k] - j;
                count[index.get(k)]++;
            }
        }
        double[] out = new double[units.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, Math.min(descriptor.rulCap(), sum[i] / count[i]));
        }
        return out;
    }

    /** The descriptor saved with the model. */
    public RulDescriptor descriptor() {
        return descriptor;
    }

    /** Records evaluation figures to be saved with the model. */
    public void recordMetrics(Map<String, Double> metrics) {
        descriptor = descriptor.withMetrics(metrics);
    }

    /** Writes {@code rul-0000.params} and {@code rul.json} into {@code dir} (created if missing). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            for (int k = 0; k < models.size(); k++) {
                models.get(k).save(dir, memberName(k));
            }
            org.plantwin.learning.api.ModelFiles.writeDescriptor(dir, NAME, JSON, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the RUL model to (" + dir + "): " + e.getMessage(), e);
        }
    }

    /** Loads a model saved by {@link #save}; {@code threads} as in {@link RulConfig#threads()}. */
    public static RulModel load(Path dir, int threads) {
        Path json = dir.resolve(NAME + ".json");
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("The model directory (" + dir + ") has no " + NAME
                    + ".json. Maybe the --out of plantwin rul train?");
        }
        RulDescriptor d;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(json.toFile());
            if (tree.get("config") instanceof com.fasterxml.jackson.databind.node.ObjectNode c) {
                // Descriptors written before the decay and ensembles: one network at a fixed rate.
                c.putIfAbsent("finalLearningRate", c.get("learningRate"));
                c.putIfAbsent("members", c.numberNode(1));
                // Descriptors written before the smoothing option: no smoothing.
                c.putIfAbsent("smoothing", c.numberNode(1.0));
                // Before the age input and the end-of-life validation: neither.
                c.putIfAbsent("ageScale", c.numberNode(0.0));
                c.putIfAbsent("validationEnd", c.numberNode(0));
                c.putIfAbsent("emaDecay", c.numberNode(0)); // before weight averaging
                c.putIfAbsent("baselineCycles", c.numberNode(0)); // before the baseline and slow inputs
                c.putIfAbsent("slowSmoothing", c.numberNode(0.0));
            }
            d = JSON.treeToValue(tree, RulDescriptor.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The model descriptor (" + json + ") cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (d.formatVersion() != RulDescriptor.FORMAT_VERSION) {
            throw new IllegalArgumentException("The descriptor format version (" + d.formatVersion() + ") of ("
                    + json + ") is not supported; expected " + RulDescriptor.FORMAT_VERSION + ".");
        }
        if (!RulNetworks.ARCHITECTURES.contains(d.model())
                || !RulNetworks.architecture(d.model()).equals(d.architecture())) {
            throw new IllegalArgumentException("The saved architecture (" + d.model() + " " + d.architecture()
                    + ") of (" + json + ") does not match this version's networks.");
        }
        Engine engine = DjlRuntime.engine(threads);
        List<Model> models = new ArrayList<>();
        for (int k = 0; k < d.config().members(); k++) {
            Model m = Model.newInstance(NAME, engine.defaultDevice(), DjlRuntime.ENGINE);
            models.add(m);
            m.setBlock(RulNetworks.build(d.model()));
            try {
                m.load(dir, memberName(k));
            } catch (IOException | MalformedModelException e) {
                models.forEach(Model::close);
                throw new IllegalArgumentException("The model parameters (" + memberName(k) + ") in (" + dir
                        + ") cannot be loaded: " + e.getMessage(), e);
            }
        }
        return new RulModel(models, d);
    }

    @Override
    public void close() {
        models.forEach(Model::close);
    }

    /** The parameter file stem of ensemble member {@code k}: {@code rul}, {@code rul-m1}, {@code rul-m2}, ... */
    private static String memberName(int k) {
        return k == 0 ? NAME : NAME + "-m" + k;
    }

    /**
     * The members' mean prediction {@code (N)} in cycles, clipped to [0, cap], for windows {@code (N, W, F)}.
     */
    private static double[] predictWindows(List<Model> models, RulProtocol.Windows windows, float cap) {
        int w = windows.window();
        int f = windows.features();
        double[] out = new double[windows.count()];
        for (int from = 0; from < windows.count(); from += PREDICT_BATCH) {
            int b = Math.min(PREDICT_BATCH, windows.count() - from);
            float[] x = new float[b * w * f];
            System.arraycopy(windows.inputs(), from * w * f, x, 0, b * w * f);
            try (NDManager m = models.get(0).getNDManager().newSubManager()) {
                NDArray in = m.create(x, new Shape(b, w, f)); // (B, W, F)
                double[] sum = new double[b];
                for (Model model : models) {
                    float[] y = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false)
                            .singletonOrThrow().toFloatArray(); // (B, 1)
                    for (int i = 0; i < b; i++) {
                        sum[i] += y[i];
                    }
                }
                for (int i = 0; i < b; i++) {
                    out[from + i] = Math.max(0, Math.min(cap, sum[i] / models.size() * cap));
                }
            }
        }
        return out;
    }

    private static List<float[]> snapshot(Model model) {
        List<float[]> w = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            w.add(p.getValue().getArray().toFloatArray());
        }
        return w;
    }

    private static void restore(Model model, List<float[]> weights) {
        if (weights == null) {
            return;
        }
        int i = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            p.getValue().getArray().set(weights.get(i++));
        }
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static List<EngineUnit> sortByUnit(List<EngineUnit> units) {
        List<EngineUnit> s = new ArrayList<>(units);
        s.sort(java.util.Comparator.comparingInt(EngineUnit::unit));
        return s;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, r.nextInt(i + 1));
        }
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
