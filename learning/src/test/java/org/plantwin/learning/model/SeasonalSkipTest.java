package org.plantwin.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.forecast.deep.DjlRuntime;

class SeasonalSkipTest {

    @Test
    void repeatsTheLastCycleOfEachLookbackOverTheHorizon() {
        try (NDManager m = DjlRuntime.engine(1).newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60}, new Shape(2, 6)); // (B, L)
            NDArray out = SeasonalSkip.repeatLastCycle(x, 3, 5); // (B, H)
            assertThat(out.getShape()).isEqualTo(new Shape(2, 5));
            assertThat(out.toFloatArray()).containsExactly(4, 5, 6, 4, 5, 40, 50, 60, 40, 50);
        }
    }
}
