package org.plantwin.twin.env;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An observation or action space in Gymnasium's terms: {@link Box} (floats with bounds), {@link Discrete}
 * ({@code 0..n-1}) or {@link MultiDiscrete} (one {@code 0..nvec[i]-1} per slot). {@link #describe()} gives the
 * JSON form the HTTP API and the Python client use.
 */
public sealed interface Space {

    /** The space as a JSON-ready map ({@code {"type": "Discrete", "n": 6}}, ...). */
    Map<String, Object> describe();

    /** Floats of the given shape between {@code low} and {@code high} (either may be infinite). */
    record Box(float low, float high, int[] shape) implements Space {
        public Box {
            shape = shape.clone();
        }

        /** The number of floats (the product of the shape). */
        public int size() {
            int n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "Box");
            m.put("low", Float.isInfinite(low) ? (low < 0 ? "-inf" : "inf") : low);
            m.put("high", Float.isInfinite(high) ? (high < 0 ? "-inf" : "inf") : high);
            m.put("shape", shape.clone());
            m.put("dtype", "float32");
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box b && Float.compare(low, b.low) == 0 && Float.compare(high, b.high) == 0
                    && Arrays.equals(shape, b.shape);
        }

        @Override
        public int hashCode() {
            return 31 * Float.hashCode(low) + 17 * Float.hashCode(high) + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return "Box(" + low + ", " + high + ", " + Arrays.toString(shape) + ")";
        }
    }

    /** One integer action in {@code [0, n)}. */
    record Discrete(int n) implements Space {
        public Discrete {
            if (n < 1) {
                throw new IllegalArgumentException("The size (" + n + ") of a Discrete space must be >= 1.");
            }
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "Discrete");
            m.put("n", n);
            return m;
        }
    }

    /** One integer per slot, slot {@code i} in {@code [0, nvec[i])}. */
    record MultiDiscrete(int[] nvec) implements Space {
        public MultiDiscrete {
            nvec = nvec.clone();
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "MultiDiscrete");
            m.put("nvec", nvec.clone());
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MultiDiscrete d && Arrays.equals(nvec, d.nvec);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nvec);
        }

        @Override
        public String toString() {
            return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
        }
    }
}
