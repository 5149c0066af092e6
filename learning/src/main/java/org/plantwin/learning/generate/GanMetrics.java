package org.plantwin.learning.generate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
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
import java.util.Arrays;
import java.util.SplittableRandom;
import org.plantwin.learning.forecast.deep.DjlRuntime;

/**
 * The TimeGAN paper's metrics on scaled windows ({@code metrics/discriminative_metrics.py},
 * {@code metrics/predictive_metrics.py}) plus two cheap extras: per-feature Wasserstein-1 of the marginal values
 * and the autocorrelation error. Lower is better for all four.
 */
public final class GanMetrics {

    private GanMetrics() {
    }

    /**
     * Post-hoc model settings. The paper: 2,000 classifier iterations, 5,000 predictor iterations, batch 128,
     * 10 repetitions.
     *
     * @param classifierIterations Adam steps of the discriminative classifier
     * @param predictorIterations Adam steps of the predictive GRU
     * @param batchSize windows per step
     * @param repetitions repetitions averaged
     * @param seed seed of splits, batches and weights
     */
    public record Settings(int classifierIterations, int predictorIterations, int batchSize, int repetitions,
            long seed) {
        /** The paper's settings. */
        public static Settings paper() {
            return new Settings(2000, 5000, 128, 10, 42);
        }
    }

    /** Mean and standard deviation over the repetitions. */
    public record Score(double mean, double std) {
    }

    /**
     * Discriminative score: a GRU (hidden = features / 2, at least 1) with a dense head on its last step classifies
     * real vs synthetic; each set is split 80/20, the classifier trains on both 80 % parts and is tested on both
     * 20 % parts; the score is |accuracy - 0.5| (threshold 0.5).
     */
    public static Score discriminative(Windows real, Windows synthetic, Settings s) {
        check(real, synthetic);
        double[] scores = new double[s.repetitions()];
        for (int rep = 0; rep < s.repetitions(); rep++) {
            SplittableRandom r = new SplittableRandom(s.seed() + 1000L * rep);
            int[] pr = Windows.permutation(real.count(), r);
            int[] ps = Windows.permutation(synthetic.count(), r);
            int nr = (int) (real.count() * 0.8);
            int ns = (int) (synthetic.count() * 0.8);
            Windows trainR = real.select(pr, 0, nr);
            Windows trainS = synthetic.select(ps, 0, ns);
            Windows testR = real.select(pr, nr, real.count());
            Windows testS = synthetic.select(ps, ns, synthetic.count());
            scores[rep] = Math.abs(classifierAccuracy(trainR, trainS, testR, testS, s, r) - 0.5);
        }
        return summarise(scores);
    }

    /**
     * Predictive score (train on synthetic, test on real): a GRU (hidden = F / 2 of all F features, at least 1, as
     * the paper's {@code int(dim/2)}) reads features
     * {@code 0..F-2} at steps {@code 0..T-2} and predicts feature {@code F-1} at steps {@code 1..T-1} through a
     * sigmoid; trained with MAE on synthetic windows; the score is its MAE on all real windows.
     */
    public static Score predictive(Windows real, Windows synthetic, Settings s) {
        check(real, synthetic);
        if (real.features() < 2) {
            throw new IllegalArgumentException("The predictive score needs >= 2 features, found " + real.features()
                    + ".");
        }
        double[] scores = new double[s.repetitions()];
        for (int rep = 0; rep < s.repetitions(); rep++) {
            scores[rep] = predictorMae(synthetic, real, s, new SplittableRandom(s.seed() + 1000L * rep + 7));
        }
        return summarise(scores);
    }

    /** Wasserstein-1 distance between the values of each feature (all windows and steps), in scaled units. */
    public static double[] marginalWasserstein(Windows a, Windows b) {
        check(a, b);
        double[] out = new double[a.features()];
        for (int j = 0; j < a.features(); j++) {
            out[j] = wasserstein1(column(a, j), column(b, j));
        }
        return out;
    }

    /**
     * Autocorrelation error: for each feature and lag 1..min(10, T-1), the mean over windows of the within-window
     * autocorrelation; the error is the mean absolute difference of these between the two sets.
     */
    public static double autocorrelationError(Windows a, Windows b) {
        check(a, b);
        int lags = Math.min(10, a.length() - 1);
        double[][] ra = meanAcf(a, lags);
        double[][] rb = meanAcf(b, lags);
        double sum = 0;
        for (int j = 0; j < a.features(); j++) {
            for (int k = 0; k < lags; k++) {
                sum += Math.abs(ra[j][k] - rb[j][k]);
            }
        }
        return sum / (a.features() * lags);
    }

    /** Exact W1 of two empirical distributions: the integral of |F_a - F_b|. */
    static double wasserstein1(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int k = 0;
        double prev = Math.min(x[0], y[0]);
        double sum = 0;
        while (i < x.length || k < y.length) {
            double next = k >= y.length || (i < x.length && x[i] <= y[k]) ? x[i] : y[k];
            sum += Math.abs((double) i / x.length - (double) k / y.length) * (next - prev);
            prev = next;
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (k < y.length && y[k] == next) {
                k++;
            }
        }
        return sum;
    }

    private static double[] column(Windows w, int j) {
        double[] v = new double[w.count() * w.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = w.values()[i * w.features() + j];
        }
        return v;
    }

    private static double[][] meanAcf(Windows w, int lags) {
        double[][] out = new double[w.features()][lags];
        int t = w.length();
        for (int j = 0; j < w.features(); j++) {
            for (int i = 0; i < w.count(); i++) {
                double mean = 0;
                for (int s = 0; s < t; s++) {
                    mean += w.get(i, s, j);
                }
                mean /= t;
                double var = 0;
                for (int s = 0; s < t; s++) {
                    double d = w.get(i, s, j) - mean;
                    var += d * d;
                }
                for (int k = 1; k <= lags; k++) {
                    double c = 0;
                    for (int s = 0; s + k < t; s++) {
                        c += (w.get(i, s, j) - mean) * (w.get(i, s + k, j) - mean);
                    }
                    out[j][k - 1] += var > 1e-12 ? c / var : 0; // a constant window has no correlation
                }
            }
            for (int k = 0; k < lags; k++) {
                out[j][k] /= w.count();
            }
        }
        return out;
    }

    private static double classifierAccuracy(Windows trainR, Windows trainS, Windows testR, Windows testS, Settings s,
            SplittableRandom r) {
        int t = trainR.length();
        int f = trainR.features();
        int b = s.batchSize();
        Engine engine = DjlRuntime.engine(1);
        engine.setRandomSeed((int) r.nextInt());
        Device device = engine.defaultDevice();
        try (Model model = Model.newInstance("classifier", device, DjlRuntime.ENGINE)) {
            model.setBlock(lastStepGru(Math.max(1, f / 2), 1));
            try (Trainer tr = model.newTrainer(config(device))) {
                tr.initialize(new Shape(b, t, f));
                float[] xb = new float[b * t * f];
                float[] yb = new float[b];
                int half = b / 2;
                for (int it = 0; it < s.classifierIterations(); it++) {
                    // Like the paper: half a batch from each set.
                    for (int i = 0; i < b; i++) {
                        Windows src = i < half ? trainR : trainS;
                        int k = r.nextInt(src.count());
                        System.arraycopy(src.values(), k * t * f, xb, i * t * f, t * f);
                        yb[i] = i < half ? 1 : 0;
                    }
                    try (NDManager m = tr.getManager().newSubManager()) {
                        NDArray x = m.create(xb, new Shape(b, t, f)); // (B, T, F)
                        NDArray y = m.create(yb, new Shape(b, 1)); // (B, 1)
                        try (GradientCollector gc = tr.newGradientCollector()) {
                            NDArray logit = tr.forward(new NDList(x)).singletonOrThrow(); // (B, 1)
                            // Binary cross-entropy on logits: softplus(z) - y z.
                            NDArray loss = Activation.softPlus(logit).sub(logit.mul(y)).mean();
                            gc.backward(loss);
                        }
                        tr.step();
                    }
                }
            }
            int correct = countAbove(model, testR, true) + countAbove(model, testS, false);
            return (double) correct / (testR.count() + testS.count());
        }
    }

    private static int countAbove(Model model, Windows w, boolean real) {
        float[] logits = forward(model, w, 1);
        int c = 0;
        for (float l : logits) {
            if ((l > 0) == real) {
                c++;
            }
        }
        return c;
    }

    private static double predictorMae(Windows train, Windows test, Settings s, SplittableRandom r) {
        int t = train.length();
        int f = train.features();
        int b = s.batchSize();
        Engine engine = DjlRuntime.engine(1);
        engine.setRandomSeed((int) r.nextInt());
        Device device = engine.defaultDevice();
        Windows xTrain = inputs(train);
        float[] yTrain = targets(train);
        Windows xTest = inputs(test);
        float[] yTest = targets(test);
        try (Model model = Model.newInstance("predictor", device, DjlRuntime.ENGINE)) {
            // The paper's hidden_dim = int(dim / 2) of all the features, though the GRU reads F - 1 of them.
            model.setBlock(sequenceGru(Math.max(1, f / 2)));
            try (Trainer tr = model.newTrainer(config(device))) {
                tr.initialize(new Shape(b, t - 1, f - 1));
                float[] xb = new float[b * (t - 1) * (f - 1)];
                float[] yb = new float[b * (t - 1)];
                int wx = (t - 1) * (f - 1);
                for (int it = 0; it < s.predictorIterations(); it++) {
                    for (int i = 0; i < b; i++) {
                        int k = r.nextInt(train.count());
                        System.arraycopy(xTrain.values(), k * wx, xb, i * wx, wx);
                        System.arraycopy(yTrain, k * (t - 1), yb, i * (t - 1), t - 1);
                    }
                    try (NDManager m = tr.getManager().newSubManager()) {
                        NDArray x = m.create(xb, new Shape(b, t - 1, f - 1)); // (B, T-1, F-1)
                        NDArray y = m.create(yb, new Shape(b, t - 1, 1)); // (B, T-1, 1)
                        try (GradientCollector gc = tr.newGradientCollector()) {
                            NDArray p = tr.forward(new NDList(x)).singletonOrThrow(); // (B, T-1, 1)
                            gc.backward(p.sub(y).abs().mean());
                        }
                        tr.step();
                    }
                }
            }
            float[] p = forward(model, xTest, t - 1);
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum += Math.abs(p[i] - yTest[i]);
            }
            return sum / p.length;
        }
    }

    /** Features {@code 0..F-2} at steps {@code 0..T-2}. */
    private static Windows inputs(Windows w) {
        int t = w.length();
        int f = w.features();
        float[] v = new float[w.count() * (t - 1) * (f - 1)];
        int k = 0;
        for (int i = 0; i < w.count(); i++) {
            for (int s = 0; s < t - 1; s++) {
                for (int j = 0; j < f - 1; j++) {
                    v[k++] = w.get(i, s, j);
                }
            }
        }
        return new Windows(v, w.count(), t - 1, f - 1);
    }

    /** Feature {@code F-1} at steps {@code 1..T-1}. */
    private static float[] targets(Windows w) {
        int t = w.length();
        float[] v = new float[w.count() * (t - 1)];
        int k = 0;
        for (int i = 0; i < w.count(); i++) {
            for (int s = 1; s < t; s++) {
                v[k++] = w.get(i, s, w.features() - 1);
            }
        }
        return v;
    }

    /** Outputs of {@code model} for all windows, {@code perWindow} values each. */
    private static float[] forward(Model model, Windows w, int perWindow) {
        float[] out = new float[w.count() * perWindow];
        int batch = 2048;
        int size = w.length() * w.features();
        for (int from = 0; from < w.count(); from += batch) {
            int b = Math.min(batch, w.count() - from);
            float[] x = new float[b * size];
            System.arraycopy(w.values(), from * size, x, 0, b * size);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray in = m.create(x, new Shape(b, w.length(), w.features()));
                float[] y = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false)
                        .singletonOrThrow().toFloatArray();
                System.arraycopy(y, 0, out, from * perWindow, b * perWindow);
            }
        }
        return out;
    }

    /** GRU {@code (B, T, F) -> (B, T, H)}, last step {@code (B, H)}, dense {@code (B, units)}. */
    private static Block lastStepGru(int hidden, int units) {
        SequentialBlock net = new SequentialBlock();
        net.add(GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        net.add(new LambdaBlock(x -> new NDList(x.get(0).get(":, -1, :")), "lastStep"));
        net.add(Linear.builder().setUnits(units).build());
        return net;
    }

    /** GRU {@code (B, T, F) -> (B, T, H)}, dense + sigmoid per step {@code (B, T, 1)}. */
    private static Block sequenceGru(int hidden) {
        SequentialBlock net = new SequentialBlock();
        net.add(GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        net.add(Linear.builder().setUnits(1).build());
        net.add(Activation::sigmoid);
        return net;
    }

    private static DefaultTrainingConfig config(Device device) {
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
        return new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam).optDevices(new Device[] {device})
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    private static Score summarise(double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1);
        return new Score(mean, Math.sqrt(var));
    }

    private static void check(Windows a, Windows b) {
        if (a.length() != b.length() || a.features() != b.features()) {
            throw new IllegalArgumentException("The real windows (" + a.length() + " x " + a.features()
                    + ") and the synthetic windows (" + b.length() + " x " + b.features() + ") differ in shape.");
        }
        if (a.count() < 5 || b.count() < 5) {
            throw new IllegalArgumentException("Each set needs >= 5 windows; found " + a.count() + " real and "
                    + b.count() + " synthetic.");
        }
    }
}
