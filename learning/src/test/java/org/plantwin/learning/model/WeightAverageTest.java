package org.plantwin.learning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.forecast.deep.DjlRuntime;

class WeightAverageTest {

    @Test
    void theWeightAverageFollowsTheRampedDecayAndReplacesTheWeights() {
        Engine engine = DjlRuntime.engine(1);
        try (Model m = Model.newInstance("avg", engine.defaultDevice(), DjlRuntime.ENGINE)) {
            m.setBlock(Linear.builder().setUnits(1).optBias(false).build());
            m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            NDArray w = m.getBlock().getParameters().valueAt(0).getArray();
            w.set(new float[] {1, 1});
            WeightAverage avg = new WeightAverage(m, 0.99);
            w.set(new float[] {11, 1}); // first update: decay min(0.99, 1/10) = 0.1
            avg.update();
            w.set(new float[] {0, 1}); // second: min(0.99, 2/11)
            avg.update();
            assertThat(avg.values().get(0)[0]).isCloseTo((float) (2.0 / 11 * (0.1 * 1 + 0.9 * 11)), within(1e-5f));
            avg.copyInto();
            double first = 0.1 * 1 + 0.9 * 11;
            double second = 2.0 / 11 * first;
            assertThat(w.toFloatArray()).containsExactly(new float[] {(float) second, 1f}, within(1e-5f));
        }
    }

    @Test
    void worksWithGradientModeOnOutsideACollector() {
        // PyTorch's gradient mode is per thread and on by default; in-place arithmetic on a weight that requires a
        // gradient is then refused, and an average built from it would join the autograd graph.
        Engine engine = DjlRuntime.engine(1);
        boolean before = ai.djl.pytorch.jni.JniUtils.isGradMode();
        ai.djl.pytorch.jni.JniUtils.setGradMode(true);
        try (Model m = Model.newInstance("avg", engine.defaultDevice(), DjlRuntime.ENGINE)) {
            m.setBlock(Linear.builder().setUnits(1).optBias(false).build());
            m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            NDArray w = m.getBlock().getParameters().valueAt(0).getArray();
            w.set(new float[] {2, 4});
            w.setRequiresGradient(true);
            WeightAverage avg = new WeightAverage(m, 0.5);
            avg.update(); // decay min(0.5, 1/10) = 0.1: the same weights
            avg.copyInto();
            assertThat(w.toFloatArray()).containsExactly(new float[] {2, 4}, within(1e-6f));
            assertThat(avg.values().get(0)).containsExactly(new float[] {2, 4}, within(1e-6f));
        } finally {
            ai.djl.pytorch.jni.JniUtils.setGradMode(before);
        }
    }

    @Test
    void theDecayMustLieStrictlyBetweenZeroAndOne() {
        Engine engine = DjlRuntime.engine(1);
        try (Model m = Model.newInstance("avg", engine.defaultDevice(), DjlRuntime.ENGINE)) {
            m.setBlock(Linear.builder().setUnits(1).build());
            assertThatThrownBy(() -> new WeightAverage(m, 1)).hasMessageContaining("(1.0)");
            assertThatThrownBy(() -> new WeightAverage(m, 0)).hasMessageContaining("(0.0)");
        }
    }
}
