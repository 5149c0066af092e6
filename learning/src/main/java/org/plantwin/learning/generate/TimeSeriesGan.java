package org.plantwin.learning.generate;

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
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.plantwin.learning.forecast.deep.DjlRuntime;
import org.plantwin.learning.model.WeightAverage;

/**
 * A recurrent GAN for multivariate windows (RCGAN-style, with TimeGAN's moment loss). Generator: uniform noise
 * {@code (B, T, Z)} (part of it drawn once per window) through a GRU and a per-step dense layer with a sigmoid to scaled values {@code (B, T, F)}.
 * Discriminator: a GRU and a per-step dense layer to one logit per step {@code (B, T, 1)}. Loss: non-saturating
 * cross-entropy per step (TimeGAN's discriminator loss), plus for the generator {@code momentWeight} times the mean
 * absolute difference of the per-(step, feature) batch mean and std between fake and real.
 *
 * <p>Two models, two Trainers and two Adam optimisers: the discriminator step runs on generator output produced
 * outside any gradient collector (so nothing reaches the generator); the generator step back-propagates through the
 * discriminator, whose gradients are then zeroed so that they cannot leak into its next update.
 *
 * <p>With {@code GanConfig.architecture() == "timegan"}, {@link #train} trains TimeGAN instead ({@code TimeGan});
 * sampling, saving and loading work the same for both: noise goes through the saved networks in order.
 *
 * <p>Why not WGAN-GP: the penalty needs the gradient of the critic's input gradient (PyTorch's
 * {@code create_graph=True}); DJL 0.36's public {@code GradientCollector.backward} always passes
 * {@code createGraph=false}, so the penalty would be a constant with no gradient. The engine-internal
 * {@code JniUtils.backward(..., createGraph)} is not public API and was not used.
 */
public final class TimeSeriesGan implements AutoCloseable {

    /** File stem in a model directory: {@code gan-0000.params} and {@code gan.json}. */
    public static final String NAME = "gan";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The networks that turn noise into windows, applied in order (rgan: the generator; timegan: G, S, R). */
    private final List<Model> sampler;
    private final GanDescriptor descriptor;

    TimeSeriesGan(List<Model> sampler, GanDescriptor descriptor) {
        this.sampler = List.copyOf(sampler);
        this.descriptor = descriptor;
    }

    /** Trains on a series in original units: min-max scaled, cut into sliding windows of {@code seqLen}. */
    public static TimeSeriesGan train(GanCsv.Table table, int seqLen, GanConfig config, PrintStream log) {
        MinMaxScaling scaling = MinMaxScaling.fit(table.rows());
        Windows w = Windows.sliding(scaling.scale(table.rows()), seqLen);
        return train(w, table.columns(), scaling, config, log);
    }

    /** Trains on windows already scaled to [0, 1]; {@code scaling} maps samples back to original units. */
    public static TimeSeriesGan train(Windows data, List<String> columns, MinMaxScaling scaling, GanConfig config,
            PrintStream log) {
        return train(data, columns, 0, scaling, config, log);
    }

    /**
     * Trains a conditional model when {@code conditions > 0}: the last {@code conditions} features of every window are
     * context (product, season, ...) given to the generator at every step beside its noise and to the discriminator
     * beside the values, never generated; samples are drawn for given condition windows ({@link #sample(Windows,
     * long)}). {@code conditions = 0}: {@link #train(Windows, List, MinMaxScaling, GanConfig, PrintStream)}.
     */
    public static TimeSeriesGan train(Windows data, List<String> columns, int conditions, MinMaxScaling scaling,
            GanConfig config, PrintStream log) {
        Objects.requireNonNull(config, "config");
        if (columns.size() != data.features()) {
            throw new IllegalArgumentException("The columns (" + columns + ") do not match the " + data.features()
                    + " features.");
        }
        if (conditions < 0 || conditions >= data.features()) {
            throw new IllegalArgumentException("The condition columns (" + conditions + ") must leave at least one"
                    + " of the " + data.features() + " columns " + columns + " to generate.");
        }
        if (config.architecture().equals(GanConfig.TIMEGAN)) {
            if (conditions > 0) {
                throw new IllegalArgumentException("Conditions (" + columns.subList(columns.size() - conditions,
                        columns.size()) + ") apply to " + GanConfig.RGAN + " only, not to " + GanConfig.TIMEGAN + ".");
            }
            return TimeGan.train(data, columns, scaling, config, log);
        }
        long start = System.nanoTime();
        Device device = seededDevice(config);
        SplittableRandom random = new SplittableRandom(config.seed());
        int t = data.length();
        int f = data.features(); // generated values and conditions
        int fg = f - conditions; // generated values
        int z = config.noiseDim();
        int zs = config.staticNoiseDim();
        int b = Math.min(config.batchSize(), data.count());
        Model gen = Model.newInstance(NAME, device, DjlRuntime.ENGINE);
        gen.setBlock(generatorBlock(config, fg));
        double dLoss = Double.NaN;
        double gLoss = Double.NaN;
        double mLoss = Double.NaN;
        double sw = config.supervised();
        try (Model disc = Model.newInstance("discriminator", device, DjlRuntime.ENGINE);
                Model sup = sw > 0 ? Model.newInstance("supervisor", device, DjlRuntime.ENGINE) : null;
                Trainer tg = gen.newTrainer(trainingConfig(config, device));
                Trainer td = newDiscriminatorTrainer(disc, config, device);
                Trainer ts = sup == null ? null : newSupervisorTrainer(sup, config, f, device)) {
            tg.initialize(new Shape(b, t, z + conditions));
            td.initialize(new Shape(b, t, f));
            int steps = Math.max(1, data.count() / b);
            float[] xb = new float[b * t * f];
            WeightAverage average = config.ema() > 0 ? new WeightAverage(gen, config.ema()) : null;
            if (ts != null) {
                ts.initialize(new Shape(b, t, f));
                // The supervisor first learns the real transitions alone, then keeps learning beside the GAN.
                for (int s = 0; s < SUPERVISOR_PRETRAIN_EPOCHS * steps; s++) {
                    fillBatch(data, Windows.permutation(data.count(), random), 0, b, xb);
                    try (NDManager m = ts.getManager().newSubManager()) {
                        supervisorStep(ts, m.create(xb, new Shape(b, t, f)));
                    }
                }
            }
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                int[] order = Windows.permutation(data.count(), random);
                double dSum = 0;
                double gSum = 0;
                double mSum = 0;
                for (int s = 0; s < steps; s++) {
                    fillBatch(data, order, s * b, b, xb);
                    try (NDManager m = tg.getManager().newSubManager()) {
                        NDArray real = m.create(xb, new Shape(b, t, f)); // (B, T, F): values, then conditions
                        NDArray cond = conditions == 0 ? null : real.get(":, :, " + fg + ":"); // (B, T, C)
                        NDArray values = conditions == 0 ? real : real.get(":, :, :" + fg); // (B, T, Fg)
                        if (ts != null) {
                            supervisorStep(ts, real);
                        }
                        // Discriminator step: fake made without a collector carries no graph to the generator.
                        NDArray fake = withConditions(tg.forward(new NDList(generatorInput(
                                noise(m, random, b, t, z, zs), cond))).singletonOrThrow(), cond); // (B,T,F)
                        try (GradientCollector gc = td.newGradientCollector()) {
                            NDArray lr = td.forward(new NDList(real)).singletonOrThrow(); // (B, T, 1)
                            NDArray lf = td.forward(new NDList(fake.duplicate())).singletonOrThrow(); // (B, T, 1)
                            NDArray loss = Activation.softPlus(lr.neg()).mean()
                                    .add(Activation.softPlus(lf).mean());
                            gc.backward(loss);
                            dSum += loss.getFloat();
                        }
                        td.step();
                        // Generator step: through the discriminator, whose gradients are discarded afterwards.
                        try (GradientCollector gc = tg.newGradientCollector()) {
                            NDArray gv = tg.forward(new NDList(generatorInput(noise(m, random, b, t, z, zs), cond)))
                                    .singletonOrThrow(); // (B, T, Fg)
                            NDArray g = withConditions(gv, cond); // (B, T, F)
                            NDArray lf = td.forward(new NDList(g)).singletonOrThrow(); // (B, T, 1)
                            NDArray adv = Activation.softPlus(lf.neg()).mean();
                            NDArray moments = std(gv).sub(std(values)).abs().mean()
                                    .add(gv.mean(new int[] {0}).sub(values.mean(new int[] {0})).abs().mean());
                            NDArray loss = adv.add(moments.mul(config.momentWeight()));
                            if (ts != null) {
                                // TimeGAN's supervised loss: the generator's steps should follow the real dynamics.
                                loss = loss.add(supervisedError(ts, g).add(1e-8f).sqrt().mul(sw));
                            }
                            gc.backward(loss);
                            gSum += adv.getFloat();
                            mSum += moments.getFloat();
                        }
                        tg.step();
                        if (average != null) {
                            average.update();
                        }
                        zeroGradients(disc);
                        if (sup != null) {
                            zeroGradients(sup);
                        }
                    }
                }
                dLoss = dSum / steps;
                gLoss = gSum / steps;
                mLoss = mSum / steps;
                if (log != null) {
                    log.printf(Locale.ROOT, "epoch %4d  D %.4f  G %.4f  moments %.4f  %.0f s%n", epoch, dLoss, gLoss,
                            mLoss, (System.nanoTime() - start) / 1e9);
                }
            }
            if (average != null) {
                average.copyInto();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        GanDescriptor d = new GanDescriptor(GanDescriptor.FORMAT_VERSION, GanConfig.RGAN, DjlRuntime.ENGINE,
                List.copyOf(columns), t, scaling, config, data.count(), seconds,
                Map.of("discriminatorLoss", dLoss, "generatorLoss", gLoss, "momentLoss", mLoss), null,
                conditions == 0 ? null : List.copyOf(columns.subList(fg, f)));
        return new TimeSeriesGan(List.of(gen), d);
    }

    /** {@code count} windows in original units, seeded (an unconditional model). */
    public Windows sample(int count, long seed) {
        return descriptor.scaling().unscale(sampleScaled(count, seed));
    }

    /**
     * One window per condition window, in original units, seeded (a conditional model): {@code conditions} holds the
     * condition columns ({@code (N, T, C)}, original units); the result has all columns, the conditions copied.
     */
    public Windows sample(Windows conditions, long seed) {
        int c = descriptor.conditions();
        int f = descriptor.columns().size();
        MinMaxScaling all = descriptor.scaling();
        MinMaxScaling cs = new MinMaxScaling(java.util.Arrays.copyOfRange(all.min(), f - c, f),
                java.util.Arrays.copyOfRange(all.max(), f - c, f));
        checkConditions(conditions);
        return all.unscale(sampleScaled(cs.scale(conditions), seed));
    }

    /**
     * As many windows as {@code real} has, in [0, 1], seeded: for a conditional model conditioned on {@code real}'s
     * condition columns (its last ones), else unconditional. How the metrics compare a model with real windows.
     */
    public Windows sampleScaledFor(Windows real, long seed) {
        int c = descriptor.conditions();
        if (c == 0) {
            return sampleScaled(real.count(), seed);
        }
        return sampleScaled(real.features(java.util.stream.IntStream.range(real.features() - c, real.features())
                .toArray()), seed);
    }

    /** {@code count} windows in [0, 1], seeded (an unconditional model). */
    public Windows sampleScaled(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("The count (" + count + ") must be >= 1.");
        }
        if (descriptor.conditions() > 0) {
            throw new IllegalArgumentException("The model is conditioned on " + descriptor.conditionColumns()
                    + ": give one window of conditions per window to generate. Maybe plantwin gan sample"
                    + " --conditions FILE.csv?");
        }
        return generate(count, null, seed);
    }

    /** One window per condition window {@code conditions} ({@code (N, T, C)} in [0, 1]), seeded; all columns. */
    public Windows sampleScaled(Windows conditions, long seed) {
        checkConditions(conditions);
        return generate(conditions.count(), conditions, seed);
    }

    private void checkConditions(Windows conditions) {
        int c = descriptor.conditions();
        if (c == 0) {
            throw new IllegalArgumentException("The model has no condition columns; sample it by count.");
        }
        if (conditions.features() != c || conditions.length() != descriptor.seqLen()) {
            throw new IllegalArgumentException("The condition windows (" + conditions.length() + " steps x "
                    + conditions.features() + " columns) do not fit the model's " + descriptor.seqLen() + " x "
                    + descriptor.conditionColumns() + ".");
        }
    }

    private Windows generate(int count, Windows conditions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int t = descriptor.seqLen();
        int f = descriptor.columns().size();
        int c = descriptor.conditions();
        int z = descriptor.config().noiseDim();
        int zs = descriptor.config().staticNoiseDim();
        float[] out = new float[count * t * f];
        int batch = 1024;
        for (int from = 0; from < count; from += batch) {
            int b = Math.min(batch, count - from);
            try (NDManager m = sampler.get(0).getNDManager().newSubManager()) {
                NDArray cond = conditions == null ? null : m.create(java.util.Arrays.copyOfRange(conditions.values(),
                        from * t * c, (from + b) * t * c), new Shape(b, t, c)); // (B, T, C)
                NDList x = new NDList(generatorInput(noise(m, random, b, t, z, zs), cond)); // (B, T, Z + C)
                for (Model net : sampler) {
                    x = net.getBlock().forward(new ParameterStore(m, false), x, false);
                }
                // (B, T, F)
                NDArray values = withConditions(x.singletonOrThrow(), cond);
                System.arraycopy(values.toFloatArray(), 0, out, from * t * f, b * t * f);
            }
        }
        return new Windows(out, count, t, f);
    }

    /** The generator's input: noise {@code (B, T, Z)}, followed by the conditions {@code (B, T, C)} if any. */
    private static NDArray generatorInput(NDArray noise, NDArray cond) {
        return cond == null ? noise : noise.concat(cond, 2);
    }

    /** Generated values {@code (B, T, Fg)} followed by their conditions {@code (B, T, C)} if any. */
    private static NDArray withConditions(NDArray values, NDArray cond) {
        return cond == null ? values : values.concat(cond, 2);
    }

    /** The same networks with another descriptor (the networks move: close only the returned model). */
    TimeSeriesGan withDescriptor(GanDescriptor d) {
        return new TimeSeriesGan(sampler, d);
    }

    /** The descriptor saved with the model. */
    public GanDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Writes the DJL parameters of the networks needed for sampling ({@code gan-0000.params} for rgan;
     * {@code gan-generator-0000.params}, {@code gan-supervisor-0000.params}, {@code gan-recovery-0000.params} for
     * timegan) and {@code gan.json} into {@code dir}.
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Model net : sampler) {
                net.save(dir, net.getName());
            }
            org.plantwin.learning.api.ModelFiles.writeDescriptor(dir, NAME, JSON, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the GAN to (" + dir + "): " + e.getMessage(), e);
        }
    }

    /** Loads a model saved by {@link #save}. */
    public static TimeSeriesGan load(Path dir, int threads) {
        Path json = dir.resolve(NAME + ".json");
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("The model directory (" + dir + ") has no " + NAME
                    + ".json. Maybe the --out of plantwin gan train?");
        }
        GanDescriptor d;
        try {
            d = JSON.readValue(json.toFile(), GanDescriptor.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The model descriptor (" + json + ") cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (d.formatVersion() != GanDescriptor.FORMAT_VERSION) {
            throw new IllegalArgumentException("The descriptor format version (" + d.formatVersion() + ") of (" + json
                    + ") is not supported; expected " + GanDescriptor.FORMAT_VERSION + ".");
        }
        Engine engine = DjlRuntime.engine(threads);
        Map<String, Block> blocks = d.config().architecture().equals(GanConfig.TIMEGAN)
                ? TimeGan.samplerBlocks(d.config(), d.columns().size())
                : Map.of(NAME, generatorBlock(d.config(), d.columns().size() - d.conditions()));
        List<Model> nets = new ArrayList<>();
        try {
            for (Map.Entry<String, Block> e : blocks.entrySet()) {
                Model m = Model.newInstance(e.getKey(), engine.defaultDevice(), DjlRuntime.ENGINE);
                nets.add(m);
                m.setBlock(e.getValue());
                m.load(dir, e.getKey());
            }
        } catch (IOException | MalformedModelException e) {
            nets.forEach(Model::close);
            throw new IllegalArgumentException("The model parameters in (" + dir + ") cannot be loaded: "
                    + e.getMessage(), e);
        }
        return new TimeSeriesGan(nets, d);
    }

    @Override
    public void close() {
        sampler.forEach(Model::close);
    }

    /** {@code (B, T, Z)} noise -> GRU {@code (B, T, H)} -> dense + sigmoid {@code (B, T, F)}. */
    static Block generatorBlock(GanConfig c, int features) {
        return gru(c.hidden(), c.layers(), features, true);
    }

    /** {@code (B, T, F)} -> GRU {@code (B, T, H)} -> dense {@code (B, T, 1)} logits. */
    static Block discriminatorBlock(GanConfig c) {
        return gru(c.hidden(), c.layers(), 1, false);
    }

    /**
     * {@code (B, T, any)} -> GRU of {@code layers} x {@code hidden} {@code (B, T, hidden)} -> per-step dense
     * {@code (B, T, units)}, then a sigmoid if asked.
     */
    static Block gru(int hidden, int layers, int units, boolean sigmoid) {
        SequentialBlock net = new SequentialBlock();
        net.add(GRU.builder().setStateSize(hidden).setNumLayers(layers).optBatchFirst(true)
                .optReturnState(false).build()); // (B, T, H)
        net.add(Linear.builder().setUnits(units).build()); // (B, T, units)
        if (sigmoid) {
            net.add(Activation::sigmoid);
        }
        return net;
    }

    /** Seeds the engine once for the run (weight initialisation) and returns its default device. */
    static Device seededDevice(GanConfig config) {
        Engine engine = DjlRuntime.engine(config.threads());
        engine.setRandomSeed((int) config.seed());
        return engine.defaultDevice();
    }

    /** Passes over the data for which the supervisor trains alone before the GAN starts. */
    static final int SUPERVISOR_PRETRAIN_EPOCHS = 10;

    /** Windows {@code order[from..from+b)} copied into {@code xb}. */
    static void fillBatch(Windows data, int[] order, int from, int b, float[] xb) {
        int n = data.length() * data.features();
        for (int i = 0; i < b; i++) {
            System.arraycopy(data.values(), order[from + i] * n, xb, i * n, n);
        }
    }

    /** Mean squared error of the supervisor's one-step-ahead predictions: {@code S(x)[:, :T-1]} vs {@code x[:, 1:]}. */
    private static NDArray supervisedError(Trainer ts, NDArray x) {
        long t = x.getShape().get(1);
        NDArray next = ts.forward(new NDList(x)).singletonOrThrow().get(":, :" + (t - 1) + ", :"); // (B, T-1, F)
        return next.sub(x.get(":, 1:, :")).square().mean();
    }

    private static void supervisorStep(Trainer ts, NDArray real) {
        try (GradientCollector gc = ts.newGradientCollector()) {
            gc.backward(supervisedError(ts, real));
        }
        ts.step();
    }

    /** {@code (B, T, F)} -> GRU {@code (B, T, H)} -> dense + sigmoid {@code (B, T, F)}: the next step's values. */
    private static Trainer newSupervisorTrainer(Model sup, GanConfig config, int features, Device device) {
        sup.setBlock(gru(config.hidden(), 1, features, true)); // (B, T, F) -> (B, T, F)
        return sup.newTrainer(trainingConfig(config, device));
    }

    private static Trainer newDiscriminatorTrainer(Model disc, GanConfig config, Device device) {
        disc.setBlock(discriminatorBlock(config));
        return disc.newTrainer(trainingConfig(config, device));
    }

    static DefaultTrainingConfig trainingConfig(GanConfig config, Device device) {
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build();
        // The loss is computed by hand in train(); the trainer's loss is not used.
        return new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam).optDevices(new Device[] {device})
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    /**
     * Uniform [0, 1) noise {@code (B, T, Z)} from the run's seeded stream; the first {@code zs} values of each
     * window are the same at every step.
     */
    static NDArray noise(NDManager m, SplittableRandom random, int b, int t, int z, int zs) {
        float[] v = new float[b * t * z];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < zs; k++) {
                float u = (float) random.nextDouble();
                for (int s = 0; s < t; s++) {
                    v[(i * t + s) * z + k] = u;
                }
            }
            for (int s = 0; s < t; s++) {
                for (int k = zs; k < z; k++) {
                    v[(i * t + s) * z + k] = (float) random.nextDouble();
                }
            }
        }
        return m.create(v, new Shape(b, t, z));
    }

    /** Batch standard deviation per (step, feature): {@code (B, T, F) -> (T, F)}. */
    static NDArray std(NDArray x) {
        NDArray mean = x.mean(new int[] {0});
        return x.sub(mean).square().mean(new int[] {0}).add(1e-6f).sqrt();
    }

    static void zeroGradients(Model model) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray g = p.getValue().getArray().getGradient();
            g.subi(g);
        }
    }
}
