package org.plantwin.learning.inspection;

/**
 * The classifier's answer for one image.
 *
 * @param file the image's file name
 * @param label the most probable class
 * @param confidence its softmax probability
 * @param probabilities the softmax probability of every class, in the model's class order
 */
public record Prediction(String file, String label, double confidence, double[] probabilities) {
}
