package org.plantwin.learning.inspection;

/**
 * Training settings of the defect classifier.
 *
 * @param imageSize side in pixels the images are scaled to (NEU: 200 -> 96)
 * @param width filters of the first conv block (doubled in each of the next two)
 * @param epochs passes over the training images
 * @param batchSize images per step
 * @param learningRate Adam's initial rate (cosine decay to 1 % of it)
 * @param weightDecay L2 weight decay in Adam
 * @param augment whether to augment training images ({@link ImageAugmenter#defaults()})
 * @param seed seed of weights, order and augmentation
 * @param threads PyTorch intra-op threads (0 = the engine's default)
 */
public record InspectionConfig(int imageSize, int width, int epochs, int batchSize, double learningRate,
        double weightDecay, boolean augment, long seed, int threads) {

    public InspectionConfig {
        if (imageSize < 16) {
            throw new IllegalArgumentException("The imageSize (" + imageSize + ") must be >= 16.");
        }
        if (width < 1 || epochs < 1 || batchSize < 2) {
            throw new IllegalArgumentException("The width (" + width + "), epochs (" + epochs + ") and batchSize ("
                    + batchSize + ") must be >= 1, >= 1 and >= 2.");
        }
        if (!(learningRate > 0) || weightDecay < 0 || threads < 0) {
            throw new IllegalArgumentException("The learningRate (" + learningRate + ") must be > 0, the weightDecay ("
                    + weightDecay + ") and threads (" + threads + ") >= 0.");
        }
    }

    /** 96 x 96 images, width 24, 60 epochs of batch 32, Adam 2e-3, augmentation on, seed 42, 1 thread. */
    public static InspectionConfig defaults() {
        return new InspectionConfig(96, 24, 60, 32, 2e-3, 1e-4, true, 42, 1);
    }

    public InspectionConfig withEpochs(int value) {
        return new InspectionConfig(imageSize, width, value, batchSize, learningRate, weightDecay, augment, seed,
                threads);
    }

    public InspectionConfig withSeed(long value) {
        return new InspectionConfig(imageSize, width, epochs, batchSize, learningRate, weightDecay, augment, value,
                threads);
    }

    public InspectionConfig withThreads(int value) {
        return new InspectionConfig(imageSize, width, epochs, batchSize, learningRate, weightDecay, augment, seed,
                value);
    }

    public InspectionConfig withImageSize(int value) {
        return new InspectionConfig(value, width, epochs, batchSize, learningRate, weightDecay, augment, seed,
                threads);
    }

    public InspectionConfig withWidth(int value) {
        return new InspectionConfig(imageSize, value, epochs, batchSize, learningRate, weightDecay, augment, seed,
                threads);
    }
}
