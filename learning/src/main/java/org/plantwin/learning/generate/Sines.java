package org.plantwin.learning.generate;

import java.util.SplittableRandom;

/**
 * TimeGAN's Sines data ({@code sine_data_generation}): each window and feature is
 * {@code (sin(freq * t + phase) + 1) / 2} for {@code t = 0..length-1}, with freq and phase drawn from U(0, 0.1).
 */
public final class Sines {

    private Sines() {
    }

    /** {@code count} windows of {@code length} steps and {@code features} features, already in [0, 1]. */
    public static Windows generate(int count, int length, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[count * length * features];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < features; j++) {
                double freq = r.nextDouble(0, 0.1);
                double phase = r.nextDouble(0, 0.1);
                for (int t = 0; t < length; t++) {
                    v[(i * length + t) * features + j] = (float) ((Math.sin(freq * t + phase) + 1) / 2);
                }
            }
        }
        return new Windows(v, count, length, features);
    }
}
