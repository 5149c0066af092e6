package org.plantwin.learning.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a model's weights, folded in after every optimiser step (Polyak averaging; for
 * GANs Yazici et al., ICLR 2019). The decay ramps up as {@code min(decay, (1 + n) / (10 + n))} after {@code n}
 * updates (TensorFlow's {@code ExponentialMovingAverage} with {@code num_updates}), so the random initial weights
 * fade quickly. The average lives beside the weights; {@link #copyInto()} makes it the model's.
 */
public final class WeightAverage {
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> averages = new ArrayList<>();
    private final double decay;
    private long updates;

    /** Starts the average at the model's current (initialised) weights. */
    public WeightAverage(Model model, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("The averaging decay (" + decay + ") must be in (0, 1).");
        }
        this.decay = decay;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray w = p.getValue().getArray();
            weights.add(w);
            averages.add(model.getNDManager().create(w.toFloatArray(), w.getShape()));
        }
    }

    /**
     * Folds the current weights into the average. The weights are detached first: PyTorch's gradient mode may be on
     * outside a gradient collector (it is per thread), and the average must not join the autograd graph.
     */
    public void update() {
        float d = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
        updates++;
        for (int i = 0; i < weights.size(); i++) {
            try (NDArray detached = weights.get(i).stopGradient(); NDArray scaled = detached.mul(1 - d)) {
                averages.get(i).muli(d).addi(scaled);
            }
        }
    }

    /** The averaged weights, one array per parameter in the block's order. */
    public List<float[]> values() {
        List<float[]> v = new ArrayList<>(averages.size());
        for (NDArray a : averages) {
            v.add(a.toFloatArray());
        }
        return v;
    }

    /**
     * Replaces the model's weights with the average: a copy of the values ({@code NDArray.set}), not an in-place
     * arithmetic operation, which PyTorch refuses on a weight that requires a gradient while gradient mode is on.
     */
    public void copyInto() {
        for (int i = 0; i < weights.size(); i++) {
            weights.get(i).set(averages.get(i).toFloatArray());
        }
    }
}
