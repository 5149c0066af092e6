package org.plantwin.learning.generate;

/**
 * Training settings of {@link TimeSeriesGan}.
 *
 * @param epochs passes over the training windows (one step = one discriminator and one generator update)
 * @param batchSize windows per step
 * @param hidden GRU state size of generator and discriminator
 * @param layers GRU layers of generator and discriminator
 * @param noiseDim noise values per time step fed to the generator
 * @param staticNoiseDim how many of the {@code noiseDim} values are drawn once per window and repeated at every
 *     step (a window-level latent, so that a window's shape need not be built from per-step noise alone)
 * @param learningRate Adam learning rate of both players
 * @param momentWeight weight of TimeGAN's moment loss (mean and std per step and feature) in the generator loss
 * @param seed the one seed of the run (weights, noise, batches)
 * @param threads PyTorch intra-op threads (0 = engine default)
 * @param supervisedWeight weight of the supervised loss (TimeGAN's, here in data space): a GRU supervisor learns
 *     one-step-ahead transitions of the real windows and the generator pays {@code weight x sqrt(MSE)} of its own
 *     windows against the supervisor's predictions; null or 0 = off (the default); not used by {@code timegan},
 *     whose supervised loss is part of its design
 * @param architecture {@value #RGAN} (the recurrent GAN of {@link TimeSeriesGan}) or {@value #TIMEGAN} (Yoon et
 *     al.'s TimeGAN, {@code TimeGan}); null = {@value #RGAN}, so descriptors saved before this field still load
 * @param emaDecay decay of an exponential moving average of the generator's weights kept during training (Yazici
 *     et al., ICLR 2019, "The unusual effectiveness of averaging in GAN training"); the trained model is the
 *     average, not the last iterate; null or 0 = off (the last iterate), as descriptors saved before this field;
 *     {@value #RGAN} only
 */
public record GanConfig(int epochs, int batchSize, int hidden, int layers, int noiseDim, int staticNoiseDim,
        double learningRate, double momentWeight, long seed, int threads, Double supervisedWeight,
        String architecture, Double emaDecay) {

    /** The recurrent GAN with moment loss ({@link TimeSeriesGan}'s own training loop). */
    public static final String RGAN = "rgan";
    /** TimeGAN: embedder, recovery, generator, supervisor and discriminator in a latent space ({@code TimeGan}). */
    public static final String TIMEGAN = "timegan";
    /** The architecture of {@link #defaults()}, chosen by measurement (learning/README, "Scenario generator"). */
    public static final String DEFAULT_ARCHITECTURE = RGAN;

    /** Settings without the supervised loss. */
    public GanConfig(int epochs, int batchSize, int hidden, int layers, int noiseDim, int staticNoiseDim,
            double learningRate, double momentWeight, long seed, int threads) {
        this(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim, learningRate, momentWeight, seed, threads,
                null, null, null);
    }

    /** Settings with the supervised weight and architecture, without weight averaging. */
    public GanConfig(int epochs, int batchSize, int hidden, int layers, int noiseDim, int staticNoiseDim,
            double learningRate, double momentWeight, long seed, int threads, Double supervisedWeight,
            String architecture) {
        this(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim, learningRate, momentWeight, seed, threads,
                supervisedWeight, architecture, null);
    }

    public GanConfig {
        architecture = architecture == null ? RGAN : architecture;
        if (!architecture.equals(RGAN) && !architecture.equals(TIMEGAN)) {
            throw new IllegalArgumentException("The architecture (" + architecture + ") must be " + RGAN + " or "
                    + TIMEGAN + ".");
        }
        if (emaDecay != null && !(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("The weight-averaging decay (" + emaDecay
                    + ") must be in [0, 1); 0 = off.");
        }
        if (architecture.equals(TIMEGAN) && emaDecay != null && emaDecay > 0) {
            throw new IllegalArgumentException("The weight averaging (emaDecay " + emaDecay + ") is for " + RGAN
                    + " only; use 0 with " + TIMEGAN + ".");
        }
        if (supervisedWeight != null && !(supervisedWeight >= 0)) {
            throw new IllegalArgumentException("The supervised weight (" + supervisedWeight + ") must be >= 0.");
        }
        if (epochs < 1 || batchSize < 2 || hidden < 1 || layers < 1 || noiseDim < 1 || staticNoiseDim < 0
                || staticNoiseDim > noiseDim || !(learningRate > 0) || momentWeight < 0 || threads < 0) {
            throw new IllegalArgumentException("The GAN settings (" + epochs + " epochs, batch " + batchSize
                    + ", hidden " + hidden + ", layers " + layers + ", noise " + noiseDim + " (" + staticNoiseDim
                    + " static), lr " + learningRate
                    + ", moment weight " + momentWeight + ", threads " + threads + ") are out of range.");
        }
    }

    /**
     * Defaults: 50 epochs, batch 128, GRU 24 x 2, noise 8 (4 static), Adam 1e-3, moment weight 10, seed 42, the
     * generator's weights averaged with decay {@value #DEFAULT_EMA_DECAY} (learning/README, "Weight averaging").
     */
    public static GanConfig defaults() {
        return new GanConfig(50, 128, 24, 2, 8, 4, 1e-3, 10, 42, 1, null, DEFAULT_ARCHITECTURE, DEFAULT_EMA_DECAY);
    }

    /** The weight-averaging decay of {@link #defaults()}, chosen by measurement (rgan only). */
    public static final double DEFAULT_EMA_DECAY = 0.995;

    public GanConfig withEpochs(int n) {
        return new GanConfig(n, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, threads, supervisedWeight, architecture, emaDecay);
    }

    public GanConfig withSeed(long s) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, s, threads, supervisedWeight, architecture, emaDecay);
    }

    public GanConfig withHidden(int h) {
        return new GanConfig(epochs, batchSize, h, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, threads, supervisedWeight, architecture, emaDecay);
    }

    public GanConfig withStaticNoiseDim(int s) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, s,
                learningRate, momentWeight, seed, threads, supervisedWeight, architecture, emaDecay);
    }

    /** Turns the supervised loss on with weight {@code w} (0: off). */
    public GanConfig withSupervisedWeight(double w) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, threads, w, architecture, emaDecay);
    }

    /** Keeps an average of the generator's weights with decay {@code d} (0: off, the last iterate). */
    public GanConfig withEmaDecay(double d) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, threads, supervisedWeight, architecture, d);
    }

    /** The weight-averaging decay, 0 when off. */
    public double ema() {
        return emaDecay == null ? 0 : emaDecay;
    }

    /** The supervised loss weight, 0 when off. */
    public double supervised() {
        return supervisedWeight == null ? 0 : supervisedWeight;
    }

    public GanConfig withThreads(int t) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, t, supervisedWeight, architecture, emaDecay);
    }

    public GanConfig withLayers(int n) {
        return new GanConfig(epochs, batchSize, hidden, n, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, threads, supervisedWeight, architecture, emaDecay);
    }

    /** {@code n} noise values per step, of which {@code fixed} are drawn once per window. */
    public GanConfig withNoise(int n, int fixed) {
        return new GanConfig(epochs, batchSize, hidden, layers, n, fixed,
                learningRate, momentWeight, seed, threads, supervisedWeight, architecture, emaDecay);
    }

    public GanConfig withMomentWeight(double w) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, w, seed, threads, supervisedWeight, architecture, emaDecay);
    }

    /** {@value #RGAN} or {@value #TIMEGAN}; other settings unchanged (see {@link #defaults(String, int)}). */
    public GanConfig withArchitecture(String a) {
        return new GanConfig(epochs, batchSize, hidden, layers, noiseDim, staticNoiseDim,
                learningRate, momentWeight, seed, threads, supervisedWeight, a, emaDecay);
    }

    /**
     * The defaults of an architecture for data with {@code features} columns: {@link #defaults()} for
     * {@value #RGAN}; for {@value #TIMEGAN} the paper's settings: GRU 24 x 3, uniform noise of {@code features}
     * values per step (none fixed per window), moment weight 100, batch 128, Adam 1e-3, no weight averaging.
     */
    public static GanConfig defaults(String architecture, int features) {
        if (TIMEGAN.equals(architecture)) {
            return defaults().withEmaDecay(0).withArchitecture(TIMEGAN).withLayers(3).withNoise(features, 0)
                    .withMomentWeight(100);
        }
        return defaults().withArchitecture(architecture);
    }
}
