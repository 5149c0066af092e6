package org.plantwin.learning.inspection;

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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.plantwin.learning.forecast.deep.DjlRuntime;

/**
 * A surface-defect image classifier: {@link InspectionNetwork} on grey images scaled to a square side and
 * normalised by the training pixels' mean and standard deviation.
 *
 * <p>Training: Adam (cosine-decayed rate, weight decay) on softmax cross-entropy over shuffled mini-batches;
 * each epoch sees every training image once, augmented afresh ({@link ImageAugmenter}); all randomness comes
 * from the config's seed ({@code Engine.setRandomSeed} for the weights, a {@link SplittableRandom} for order
 * and augmentation).
 */
public final class DefectClassifier implements AutoCloseable {

    /** The file name stem in a model directory: {@code inspection-0000.params} and {@code inspection.json}. */
    public static final String NAME = "inspection";
    private static final int PREDICT_BATCH = 64;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Model model;
    private InspectionDescriptor descriptor;

    private DefectClassifier(Model model, InspectionDescriptor descriptor) {
        this.model = model;
        this.descriptor = descriptor;
    }

    /** Trains on labelled images (all of {@code config.imageSize()}); {@code log} (nullable) gets one line per epoch. */
    public static DefectClassifier train(List<GreyImage> images, InspectionConfig config, PrintStream log) {
        Objects.requireNonNull(config, "config");
        if (images.size() < 2) {
            throw new IllegalArgumentException("The training set has " + images.size() + " images; need >= 2.");
        }
        int s = config.imageSize();
        for (GreyImage g : images) {
            if (g.label() == null) {
                throw new IllegalArgumentException("The training image (" + g.file() + ") has no label.");
            }
            if (g.size() != s) {
                throw new IllegalArgumentException("The image (" + g.file() + ") is " + g.size() + " px; the config's"
                        + " imageSize is " + s + ".");
            }
        }
        long start = System.nanoTime();
        List<String> classes = List.copyOf(new TreeSet<>(images.stream().map(GreyImage::label).toList()));
        int n = images.size();
        int[] y = new int[n];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            y[i] = classes.indexOf(images.get(i).label());
            for (float p : images.get(i).pixels()) {
                sum += p;
                sumSq += (double) p * p;
            }
        }
        long count = (long) n * s * s;
        double mean = sum / count;
        double std = Math.max(1e-6, Math.sqrt(Math.max(0, sumSq / count - mean * mean)));

        Engine engine = DjlRuntime.engine(config.threads());
        engine.setRandomSeed((int) config.seed());
        SplittableRandom random = new SplittableRandom(config.seed());
        ImageAugmenter augmenter = ImageAugmenter.defaults();
        Device device = engine.defaultDevice();
        Model model = Model.newInstance(NAME, device, DjlRuntime.ENGINE);
        model.setBlock(InspectionNetwork.build(config.width(), classes.size()));
        int batch = Math.min(config.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        Tracker lr = Tracker.cosine().setBaseValue((float) config.learningRate())
                .optFinalValue((float) (config.learningRate() * 0.01)).setMaxUpdates(stepsPerEpoch * config.epochs())
                .build();
        Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).optWeightDecays((float) config.weightDecay())
                .build();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam)
                .optDevices(new Device[] {device})
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lastLoss = Double.NaN;
        try (Trainer trainer = model.newTrainer(tc)) {
            trainer.initialize(new Shape(batch, 1, s, s));
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffle(order, random);
                double lossSum = 0;
                int correct = 0;
                int seen = 0;
                for (int from = 0; from < n; from += batch) {
                    int b = Math.min(batch, n - from);
                    if (b < 2) {
                        continue; // batch norm needs two samples
                    }
                    float[] xb = new float[b * s * s];
                    float[] yb = new float[b];
                    for (int i = 0; i < b; i++) {
                        GreyImage g = images.get(order[from + i]);
                        float[] px = config.augment() ? augmenter.apply(g.pixels(), s, random) : g.pixels();
                        normalise(px, xb, i * s * s, mean, std);
                        yb[i] = y[order[from + i]];
                    }
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray x = m.create(xb, new Shape(b, 1, s, s)); // (B, 1, S, S)
                        NDArray t = m.create(yb, new Shape(b)); // (B) class indices
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new NDList(x)).singletonOrThrow(); // (B, C)
                            NDArray loss = trainer.getLoss().evaluate(new NDList(t), new NDList(out));
                            gc.backward(loss);
                            lossSum += loss.getFloat() * b;
                            int[] argmax = out.argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false)
                                    .toIntArray();
                            for (int i = 0; i < b; i++) {
                                correct += argmax[i] == (int) yb[i] ? 1 : 0;
                            }
                        }
                        trainer.step();
                    }
                    seen += b;
                }
                lastLoss = lossSum / seen;
                if (log != null) {
                    log.printf(Locale.ROOT, "epoch %3d  loss %.4f  train accuracy (augmented) %.3f  %.0f s%n", epoch,
                            lastLoss, (double) correct / seen, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        InspectionDescriptor d = new InspectionDescriptor(InspectionDescriptor.FORMAT_VERSION,
                InspectionNetwork.VERSION, DjlRuntime.ENGINE,
                InspectionNetwork.architecture(config.width(), classes.size()), classes, s, 1,
                "grey, area-average to " + s + "x" + s, mean, std, config, n, sha256(images), seconds,
                Map.of("finalTrainingLoss", lastLoss), List.of());
        DefectClassifier c = new DefectClassifier(model, d);
        c.descriptor = d.withEvaluation(Map.of("trainingAccuracy", c.accuracy(images)), List.of());
        return c;
    }

    /** Classifies images of this model's {@link InspectionDescriptor#imageSize()}. */
    public List<Prediction> predict(List<GreyImage> images) {
        int s = descriptor.imageSize();
        int c = descriptor.classes().size();
        List<Prediction> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += PREDICT_BATCH) {
            int b = Math.min(PREDICT_BATCH, images.size() - from);
            float[] x = new float[b * s * s];
            for (int i = 0; i < b; i++) {
                GreyImage g = images.get(from + i);
                if (g.size() != s) {
                    throw new IllegalArgumentException("The image (" + g.file() + ") is " + g.size()
                            + " px; the model expects " + s + ".");
                }
                normalise(g.pixels(), x, i * s * s, descriptor.mean(), descriptor.std());
            }
            float[] p;
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray in = m.create(x, new Shape(b, 1, s, s)); // (B, 1, S, S)
                p = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false)
                        .singletonOrThrow().softmax(1).toFloatArray(); // (B, C)
            }
            for (int i = 0; i < b; i++) {
                double[] prob = new double[c];
                int best = 0;
                for (int k = 0; k < c; k++) {
                    prob[k] = p[i * c + k];
                    if (prob[k] > prob[best]) {
                        best = k;
                    }
                }
                out.add(new Prediction(images.get(from + i).file(), descriptor.classes().get(best), prob[best], prob));
            }
        }
        return out;
    }

    /** The share of labelled images classified correctly. */
    public double accuracy(List<GreyImage> images) {
        List<Prediction> p = predict(images);
        int ok = 0;
        for (int i = 0; i < p.size(); i++) {
            ok += p.get(i).label().equals(images.get(i).label()) ? 1 : 0;
        }
        return p.isEmpty() ? Double.NaN : (double) ok / p.size();
    }

    /** The descriptor saved with the model. */
    public InspectionDescriptor descriptor() {
        return descriptor;
    }

    /** Records evaluation figures (and a confusion matrix) to be saved with the model. */
    public void recordEvaluation(Map<String, Double> metrics, List<List<Double>> confusion) {
        descriptor = descriptor.withEvaluation(metrics, confusion);
    }

    /** Writes {@code inspection-0000.params} and {@code inspection.json} into {@code dir} (created if missing). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            model.save(dir, NAME);
            org.plantwin.learning.api.ModelFiles.writeDescriptor(dir, NAME, JSON, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the inspection model to (" + dir + "): " + e.getMessage(), e);
        }
    }

    /** Loads a model saved by {@link #save}; {@code threads} PyTorch threads (0 = the engine's default). */
    public static DefectClassifier load(Path dir, int threads) {
        Path json = dir.resolve(NAME + ".json");
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("The model directory (" + dir + ") has no " + NAME
                    + ".json. Maybe the --out of plantwin inspect train?");
        }
        InspectionDescriptor d;
        try {
            d = JSON.readValue(json.toFile(), InspectionDescriptor.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The model descriptor (" + json + ") cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (d.formatVersion() != InspectionDescriptor.FORMAT_VERSION) {
            throw new IllegalArgumentException("The descriptor format version (" + d.formatVersion() + ") of ("
                    + json + ") is not supported; expected " + InspectionDescriptor.FORMAT_VERSION + ".");
        }
        if (d.modelVersion() != InspectionNetwork.VERSION) {
            throw new IllegalArgumentException("The network version (" + d.modelVersion() + ") of (" + json
                    + ") does not match this version's network (" + InspectionNetwork.VERSION + ").");
        }
        Engine engine = DjlRuntime.engine(threads);
        Model m = Model.newInstance(NAME, engine.defaultDevice(), DjlRuntime.ENGINE);
        m.setBlock(InspectionNetwork.build(d.config().width(), d.classes().size()));
        try {
            m.load(dir, NAME);
        } catch (IOException | MalformedModelException e) {
            m.close();
            throw new IllegalArgumentException("The model parameters in (" + dir + ") cannot be loaded: "
                    + e.getMessage(), e);
        }
        return new DefectClassifier(m, d);
    }

    @Override
    public void close() {
        model.close();
    }

    private static void normalise(float[] src, float[] dst, int offset, double mean, double std) {
        for (int i = 0; i < src.length; i++) {
            dst[offset + i] = (float) ((src[i] - mean) / std);
        }
    }

    /** SHA-256 over file names, labels and scaled pixels, in order. */
    static String sha256(List<GreyImage> images) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (GreyImage g : images) {
                md.update(g.file().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(String.valueOf(g.label()).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                ByteBuffer buf = ByteBuffer.allocate(g.pixels().length * 4);
                buf.asFloatBuffer().put(g.pixels());
                md.update(buf);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM.", e);
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
