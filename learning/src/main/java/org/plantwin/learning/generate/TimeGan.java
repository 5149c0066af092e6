package org.plantwin.learning.generate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.plantwin.learning.forecast.deep.DjlRuntime;

/**
 * TimeGAN (Yoon, Jarrett and van der Schaar, NeurIPS 2019), following the authors' {@code timegan.py}: five GRU
 * networks of {@code layers x hidden} with per-step dense outputs.
 * <ul>
 * <li>embedder E: data {@code (B, T, F)} -> latent {@code (B, T, H)} (sigmoid);</li>
 * <li>recovery R: latent -> data {@code (B, T, F)} (sigmoid);</li>
 * <li>generator G: noise {@code (B, T, Z)} -> latent {@code (B, T, H)} (sigmoid);</li>
 * <li>supervisor S ({@code layers - 1} GRU layers, at least 1): latent {@code h_t} -> {@code h_{t+1}} (sigmoid);</li>
 * <li>discriminator D: latent -> one logit per step {@code (B, T, 1)}.</li>
 * </ul>
 * Three phases of {@code epochs x (windows / batch)} iterations each, batches drawn at random as the original:
 * (1) E and R as an autoencoder on {@code 10 sqrt(MSE(R(E(x)), x))}; (2) S alone on the supervised loss
 * {@code MSE(S(E(x))[:, :T-1], E(x)[:, 1:])}; (3) joint: per iteration two rounds of a generator step (G, S:
 * non-saturating loss on {@code D(S(G(z)))} and {@code D(G(z))} + 100 sqrt(supervised) + momentWeight x moments of
 * {@code R(S(G(z)))} against the real batch) and an embedder step (E, R: {@code 10 sqrt(recon) + 0.1 supervised}),
 * then a discriminator step on real {@code E(x)}, {@code S(G(z))} and {@code G(z)}, applied only when its loss is
 * above 0.15. Sampling: {@code R(S(G(z)))}.
 *
 * <p>Each network has its own Trainer and Adam optimiser; a step updates only the networks that the original's
 * optimiser for that loss lists. PyTorch accumulates gradients and {@code Trainer.step} clears only its own
 * model's, so the gradients that a loss leaves in networks it does not update are zeroed after each step; inputs
 * that must act as constants (real latents in the generator step, fake latents in the discriminator step) are
 * detached with {@code stopGradient}. Deviation from the original: one Adam state per network for the whole run,
 * where the original makes a fresh Adam for each phase's loss.
 */
final class TimeGan {

    static final String GENERATOR = TimeSeriesGan.NAME + "-generator";
    static final String SUPERVISOR = TimeSeriesGan.NAME + "-supervisor";
    static final String RECOVERY = TimeSeriesGan.NAME + "-recovery";

    /** Weights from the original code: reconstruction, supervised (generator and embedder steps), D threshold. */
    private static final float RECONSTRUCTION_WEIGHT = 10;
    private static final float SUPERVISED_WEIGHT = 100;
    private static final float EMBEDDER_SUPERVISED_WEIGHT = 0.1f;
    private static final float DISCRIMINATOR_THRESHOLD = 0.15f;

    private TimeGan() {
    }

    /** The networks used for sampling, by file stem, in the order they are applied: G, S, R. */
    static Map<String, Block> samplerBlocks(GanConfig c, int features) {
        Map<String, Block> m = new LinkedHashMap<>();
        m.put(GENERATOR, TimeSeriesGan.gru(c.hidden(), c.layers(), c.hidden(), true)); // (B,T,Z) -> (B,T,H)
        m.put(SUPERVISOR, TimeSeriesGan.gru(c.hidden(), Math.max(1, c.layers() - 1), c.hidden(), true)); // -> (B,T,H)
        m.put(RECOVERY, TimeSeriesGan.gru(c.hidden(), c.layers(), features, true)); // (B,T,H) -> (B,T,F)
        return m;
    }

    /** Trains on windows scaled to [0, 1]; see the class comment for the phases. */
    static TimeSeriesGan train(Windows data, List<String> columns, MinMaxScaling scaling, GanConfig config,
            PrintStream log) {
        long start = System.nanoTime();
        Device device = TimeSeriesGan.seededDevice(config);
        SplittableRandom random = new SplittableRandom(config.seed());
        int b = Math.min(config.batchSize(), data.count());
        int perEpoch = Math.max(1, data.count() / b);
        Map<String, Double> last = new LinkedHashMap<>();
        Networks n = new Networks(config, data.length(), data.features(), b, device);
        try (n) {
            Phases p = new Phases(data, config, random, n, b);
            int iterations = config.epochs() * perEpoch;
            for (int i = 1; i <= iterations; i++) {
                last.put("reconstructionLoss", p.embedding());
                logEpoch(log, "embedding", i, perEpoch, last, start);
            }
            for (int i = 1; i <= iterations; i++) {
                last.put("supervisedLoss", p.supervised());
                logEpoch(log, "supervised", i, perEpoch, last, start);
            }
            for (int i = 1; i <= iterations; i++) {
                p.joint(last);
                logEpoch(log, "joint", i, perEpoch, last, start);
            }
        } catch (RuntimeException e) {
            n.closeSampler();
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        GanDescriptor d = new GanDescriptor(GanDescriptor.FORMAT_VERSION, GanConfig.TIMEGAN, DjlRuntime.ENGINE,
                List.copyOf(columns), data.length(), scaling, config, data.count(), seconds, Map.copyOf(last));
        return new TimeSeriesGan(n.sampler, d);
    }

    private static void logEpoch(PrintStream log, String phase, int i, int perEpoch, Map<String, Double> last,
            long start) {
        if (log != null && i % perEpoch == 0) {
            StringBuilder sb = new StringBuilder();
            last.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
            log.printf(Locale.ROOT, "%-10s epoch %4d%s  %.0f s%n", phase, i / perEpoch, sb, (System.nanoTime() - start)
                    / 1e9);
        }
    }

    /**
     * The five networks and their trainers. {@link #close} closes the trainers, the embedder and the discriminator;
     * the sampling networks (G, S, R) outlive it in the trained model, or are closed by {@link #closeSampler}.
     */
    static final class Networks implements AutoCloseable {
        /** G, S, R, in the order of {@link #samplerBlocks}. */
        final List<Model> sampler = new ArrayList<>();
        final Model emb;
        final Model disc;
        final Trainer te;
        final Trainer tr;
        final Trainer tg;
        final Trainer ts;
        final Trainer td;
        private final List<Trainer> trainers = new ArrayList<>();
        private final List<Model> owned = new ArrayList<>();

        Networks(GanConfig c, int t, int f, int b, Device device) {
            int h = c.hidden();
            try {
                for (Map.Entry<String, Block> e : samplerBlocks(c, f).entrySet()) {
                    sampler.add(model(e.getKey(), e.getValue(), device));
                }
                emb = model("embedder", TimeSeriesGan.gru(h, c.layers(), h, true), device); // (B,T,F) -> (B,T,H)
                owned.add(emb);
                disc = model("discriminator", TimeSeriesGan.gru(h, c.layers(), 1, false), device); // -> (B,T,1)
                owned.add(disc);
                te = trainer(emb, c, device, new Shape(b, t, f));
                tr = trainer(sampler.get(2), c, device, new Shape(b, t, h));
                tg = trainer(sampler.get(0), c, device, new Shape(b, t, c.noiseDim()));
                ts = trainer(sampler.get(1), c, device, new Shape(b, t, h));
                td = trainer(disc, c, device, new Shape(b, t, h));
            } catch (RuntimeException e) {
                close();
                closeSampler();
                throw e;
            }
        }

        /** All five models, embedder first, for inspection. */
        List<Model> all() {
            return List.of(emb, sampler.get(0), sampler.get(1), sampler.get(2), disc);
        }

        private static Model model(String name, Block block, Device device) {
            Model m = Model.newInstance(name, device, DjlRuntime.ENGINE);
            m.setBlock(block);
            return m;
        }

        private Trainer trainer(Model m, GanConfig c, Device device, Shape input) {
            Trainer trainer = m.newTrainer(TimeSeriesGan.trainingConfig(c, device));
            trainers.add(trainer);
            trainer.initialize(input);
            return trainer;
        }

        /** Closes the sampling networks (when training failed, or in tests). */
        void closeSampler() {
            sampler.forEach(Model::close);
        }

        @Override
        public void close() {
            trainers.forEach(Trainer::close); // before their models
            owned.forEach(Model::close);
            trainers.clear();
            owned.clear();
        }
    }

    /** The training steps; one instance per run, holding the trainers and the seeded stream. */
    static final class Phases {
        private final Windows data;
        private final GanConfig config;
        private final SplittableRandom random;
        private final Trainer te;
        private final Trainer tr;
        private final Trainer tg;
        private final Trainer ts;
        private final Trainer td;
        private final int b;
        private final float[] xb;

        Phases(Windows data, GanConfig config, SplittableRandom random, Networks n, int b) {
            this.data = data;
            this.config = config;
            this.random = random;
            this.te = n.te;
            this.tr = n.tr;
            this.tg = n.tg;
            this.ts = n.ts;
            this.td = n.td;
            this.b = b;
            this.xb = new float[b * data.length() * data.features()];
        }

        /** Phase 1: E and R on {@code 10 sqrt(MSE)}; returns the MSE. */
        double embedding() {
            try (NDManager m = te.getManager().newSubManager()) {
                NDArray x = realBatch(m); // (B, T, F)
                double mse;
                try (GradientCollector gc = te.newGradientCollector()) {
                    NDArray recon = reconstructionError(x);
                    gc.backward(recon.add(1e-8f).sqrt().mul(RECONSTRUCTION_WEIGHT));
                    mse = recon.getFloat();
                }
                te.step();
                tr.step();
                return mse;
            }
        }

        /** Phase 2: S alone on the supervised loss of real latents; returns it. */
        double supervised() {
            try (NDManager m = te.getManager().newSubManager()) {
                NDArray hReal = forward(te, realBatch(m)).stopGradient(); // (B, T, H), a constant here
                double loss;
                try (GradientCollector gc = te.newGradientCollector()) {
                    NDArray s = supervisedError(hReal);
                    gc.backward(s);
                    loss = s.getFloat();
                }
                ts.step();
                return loss;
            }
        }

        /** Phase 3: two generator and embedder rounds, then a discriminator step if it is not winning. */
        void joint(Map<String, Double> last) {
            for (int k = 0; k < 2; k++) {
                try (NDManager m = te.getManager().newSubManager()) {
                    NDArray x = realBatch(m); // (B, T, F)
                    generatorStep(m, x, last);
                    embedderStep(x, last);
                }
            }
            discriminatorStep(last);
        }

        /** D on real E(x), S(G(z)) and G(z), all detached; applied only when its loss is above 0.15. */
        void discriminatorStep(Map<String, Double> last) {
            try (NDManager m = te.getManager().newSubManager()) {
                NDArray x = realBatch(m);
                NDArray hReal = forward(te, x).stopGradient(); // (B, T, H)
                NDArray eHat = forward(tg, noise(m)).stopGradient(); // (B, T, H)
                NDArray hHat = forward(ts, eHat).stopGradient(); // (B, T, H)
                try (GradientCollector gc = td.newGradientCollector()) {
                    NDArray loss = Activation.softPlus(forward(td, hReal).neg()).mean() // real -> 1
                            .add(Activation.softPlus(forward(td, hHat)).mean()) // fake -> 0
                            .add(Activation.softPlus(forward(td, eHat)).mean()); // fake (no S) -> 0
                    float l = loss.getFloat();
                    last.put("discriminatorLoss", (double) l);
                    if (l > DISCRIMINATOR_THRESHOLD) {
                        gc.backward(loss);
                    }
                }
                if (last.get("discriminatorLoss") > DISCRIMINATOR_THRESHOLD) {
                    td.step();
                }
            }
        }

        /** G and S: adversarial (both fake paths) + supervised + moments; E, R and D only pass gradients. */
        void generatorStep(NDManager m, NDArray x, Map<String, Double> last) {
            try (GradientCollector gc = tg.newGradientCollector()) {
                NDArray hReal = forward(te, x).stopGradient(); // (B, T, H)
                NDArray eHat = forward(tg, noise(m)); // (B, T, H)
                NDArray hHat = forward(ts, eHat); // (B, T, H)
                NDArray xHat = forward(tr, hHat); // (B, T, F)
                NDArray adv = Activation.softPlus(forward(td, hHat).neg()).mean();
                NDArray advE = Activation.softPlus(forward(td, eHat).neg()).mean();
                NDArray sup = supervisedError(hReal);
                NDArray moments = TimeSeriesGan.std(xHat).sub(TimeSeriesGan.std(x)).abs().mean()
                        .add(xHat.mean(new int[] {0}).sub(x.mean(new int[] {0})).abs().mean());
                NDArray loss = adv.add(advE).add(sup.add(1e-8f).sqrt().mul(SUPERVISED_WEIGHT))
                        .add(moments.mul(config.momentWeight()));
                gc.backward(loss);
                last.put("generatorLoss", (double) adv.getFloat());
                last.put("momentLoss", (double) moments.getFloat());
            }
            tg.step();
            ts.step();
            TimeSeriesGan.zeroGradients(tr.getModel());
            TimeSeriesGan.zeroGradients(td.getModel());
            TimeSeriesGan.zeroGradients(te.getModel());
        }

        /** E and R: reconstruction + 0.1 supervised; S only passes gradients. */
        void embedderStep(NDArray x, Map<String, Double> last) {
            try (GradientCollector gc = te.newGradientCollector()) {
                NDArray recon = reconstructionError(x);
                NDArray sup = supervisedError(forward(te, x));
                gc.backward(recon.add(1e-8f).sqrt().mul(RECONSTRUCTION_WEIGHT)
                        .add(sup.mul(EMBEDDER_SUPERVISED_WEIGHT)));
                last.put("reconstructionLoss", (double) recon.getFloat());
                last.put("supervisedLoss", (double) sup.getFloat());
            }
            te.step();
            tr.step();
            TimeSeriesGan.zeroGradients(ts.getModel());
        }

        /** {@code MSE(R(E(x)), x)}. */
        private NDArray reconstructionError(NDArray x) {
            return forward(tr, forward(te, x)).sub(x).square().mean();
        }

        /** {@code MSE(S(h)[:, :T-1], h[:, 1:])}: S predicts the next latent step. */
        private NDArray supervisedError(NDArray h) {
            long t = h.getShape().get(1);
            NDArray next = forward(ts, h).get(":, :" + (t - 1) + ", :"); // (B, T-1, H)
            return next.sub(h.get(":, 1:, :")).square().mean();
        }

        NDArray realBatch(NDManager m) {
            TimeSeriesGan.fillBatch(data, Windows.permutation(data.count(), random), 0, b, xb);
            return m.create(xb, new Shape(b, data.length(), data.features()));
        }

        private NDArray noise(NDManager m) {
            return TimeSeriesGan.noise(m, random, b, data.length(), config.noiseDim(), config.staticNoiseDim());
        }

        private static NDArray forward(Trainer trainer, NDArray x) {
            return trainer.forward(new NDList(x)).singletonOrThrow();
        }
    }
}
