package org.plantwin.learning.maintenance;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The C-MAPSS fixtures of {@code testdata/} and synthetic multi-condition units. */
final class CmapssFixtures {

    /** FD002/FD004's six flight conditions: altitude (kft), Mach, throttle resolver angle. */
    static final double[][] SIX_CONDITIONS = {
        {0, 0, 100}, {10, 0.25, 100}, {20, 0.7, 100}, {25, 0.62, 60}, {35, 0.84, 100}, {42, 0.84, 100}};

    private CmapssFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(CmapssFixtures.class.getResource("/testdata/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path train() {
        return resource("cmapss-train_FD001-units1-3.txt");
    }

    static Path test() {
        return resource("cmapss-test_FD001-units1-3.txt");
    }

    static Path rul() {
        return resource("cmapss-RUL_FD001-units1-3.txt");
    }

    /**
     * Units flying at a random one of the six conditions each cycle (with C-MAPSS-sized setting noise); sensor j
     * reads {@code offset(condition) + wear * cycle + noise}, so within a condition it rises with wear, across
     * conditions the offsets dominate. Sensor s1 is constant within each condition.
     */
    static List<EngineUnit> sixConditions(int units, int cycles, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EngineUnit> out = new ArrayList<>();
        for (int u = 1; u <= units; u++) {
            double[][] settings = new double[cycles][];
            double[][] sensors = new double[cycles][EngineUnit.SENSORS];
            for (int t = 0; t < cycles; t++) {
                int c = r.nextInt(SIX_CONDITIONS.length);
                double[] s = SIX_CONDITIONS[c];
                settings[t] = new double[] {s[0] + r.nextDouble(-0.008, 0.008), s[1] + r.nextDouble(-0.0008, 0.0008),
                    s[2]};
                for (int j = 0; j < EngineUnit.SENSORS; j++) {
                    sensors[t][j] = j == 0 ? 100 * c : 1000 * c + 0.1 * t + r.nextDouble(-1, 1);
                }
            }
            out.add(new EngineUnit(u, settings, sensors));
        }
        return out;
    }
}
