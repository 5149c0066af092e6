package org.plantwin.learning.inspection;

import java.util.Objects;

/**
 * One grey image scaled to {@code size x size}, row-major, values in [0, 1], with its label.
 *
 * @param file the file name as given (relative to the images folder or the labels file)
 * @param label the class, or {@code null} for an unlabelled image to classify
 * @param size the side in pixels
 * @param pixels {@code size * size} values in [0, 1], row-major
 */
public record GreyImage(String file, String label, int size, float[] pixels) {

    public GreyImage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != size * size) {
            throw new IllegalArgumentException("The pixels (" + pixels.length + ") of (" + file + ") must be size^2 = "
                    + size * size + ".");
        }
    }
}
