package org.plantwin.learning.inspection;

import java.util.SplittableRandom;

/**
 * Seeded augmentation of square grey images: horizontal and vertical flips, a small rotation and shift
 * (bilinear, mirrored at the borders so no black corners appear) and a brightness/contrast change.
 * Surface-defect classes do not depend on orientation or exposure, so these keep the label.
 *
 * @param maxShiftFraction largest shift as a fraction of the side
 * @param maxRotationDegrees largest rotation either way
 * @param maxBrightness largest additive brightness change (images are in [0, 1])
 * @param maxContrast largest relative contrast change
 */
public record ImageAugmenter(double maxShiftFraction, double maxRotationDegrees, double maxBrightness,
        double maxContrast) {

    /** The settings used for NEU: shift 6 %, rotation 10 degrees, brightness 0.08, contrast 10 %. */
    public static ImageAugmenter defaults() {
        return new ImageAugmenter(0.06, 10, 0.08, 0.10);
    }

    /** A new augmented copy of {@code src} ({@code size x size}); draws a fixed number of values from {@code r}. */
    public float[] apply(float[] src, int size, SplittableRandom r) {
        boolean flipX = r.nextBoolean();
        boolean flipY = r.nextBoolean();
        double angle = Math.toRadians((r.nextDouble() * 2 - 1) * maxRotationDegrees);
        double dx = (r.nextDouble() * 2 - 1) * maxShiftFraction * size;
        double dy = (r.nextDouble() * 2 - 1) * maxShiftFraction * size;
        double gain = 1 + (r.nextDouble() * 2 - 1) * maxContrast;
        double bias = (r.nextDouble() * 2 - 1) * maxBrightness;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double c = (size - 1) / 2.0;
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Inverse mapping: where in the source does output pixel (x, y) come from.
                double u = x - c - dx;
                double v = y - c - dy;
                double sxp = cos * u + sin * v + c;
                double syp = -sin * u + cos * v + c;
                if (flipX) {
                    sxp = size - 1 - sxp;
                }
                if (flipY) {
                    syp = size - 1 - syp;
                }
                double value = bilinear(src, size, sxp, syp);
                out[y * size + x] = (float) Math.max(0, Math.min(1, (value - 0.5) * gain + 0.5 + bias));
            }
        }
        return out;
    }

    private static double bilinear(float[] src, int size, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double a = at(src, size, x0, y0);
        double b = at(src, size, x0 + 1, y0);
        double cc = at(src, size, x0, y0 + 1);
        double d = at(src, size, x0 + 1, y0 + 1);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (cc * (1 - fx) + d * fx) * fy;
    }

    /** Mirrored border: -1 -> 0, size -> size - 1. */
    private static float at(float[] src, int size, int x, int y) {
        return src[mirror(y, size) * size + mirror(x, size)];
    }

    private static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
