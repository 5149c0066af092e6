package org.plantwin.twin.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.plantwin.scenarios.model.TimeSpan;

/** Sweep designs: each point is a {@link Variant} of the base with one override per factor. */
public final class Sweep {

    private Sweep() {
    }

    /** Every combination of the factors' values (the first factor varies slowest). */
    public static List<Variant> grid(Map<String, List<JsonNode>> factors) {
        List<List<PathOverride>> points = new ArrayList<>();
        points.add(List.of());
        for (Map.Entry<String, List<JsonNode>> f : factors.entrySet()) {
            if (f.getValue().isEmpty()) {
                throw new IllegalArgumentException("The sweep factor (" + f.getKey() + ") has no values.");
            }
            List<List<PathOverride>> next = new ArrayList<>();
            for (List<PathOverride> p : points) {
                for (JsonNode v : f.getValue()) {
                    List<PathOverride> q = new ArrayList<>(p);
                    q.add(new PathOverride(f.getKey(), v));
                    next.add(q);
                }
            }
            points = next;
        }
        return variants(points);
    }

    /**
     * A Latin hypercube of {@code points} points over {@code ranges} (path -> [low, high]; numbers, or durations
     * such as "2h"): each factor's range is cut into {@code points} equal strata and each stratum is used once.
     * Whole-number bounds give whole numbers; durations are written in milliseconds. Seeded, so reproducible.
     */
    public static List<Variant> latinHypercube(int points, long seed, Map<String, List<JsonNode>> ranges) {
        if (points < 1) {
            throw new IllegalArgumentException("The number of points (" + points + ") must be >= 1.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<PathOverride>> design = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            design.add(new ArrayList<>());
        }
        for (Map.Entry<String, List<JsonNode>> f : ranges.entrySet()) {
            List<JsonNode> r = f.getValue();
            if (r.size() != 2) {
                throw new IllegalArgumentException("The range of (" + f.getKey() + ") must be [low, high], found " + r
                        + ". Maybe write [1, 10] or [\"2h\", \"6h\"].");
            }
            boolean duration = r.get(0).isTextual();
            double lo = duration ? TimeSpan.parse(r.get(0).asText()).toMillis() : r.get(0).asDouble();
            double hi = duration ? TimeSpan.parse(r.get(1).asText()).toMillis() : r.get(1).asDouble();
            boolean whole = !duration && r.get(0).canConvertToExactIntegral() && r.get(1).canConvertToExactIntegral()
                    && r.get(0).isIntegralNumber() && r.get(1).isIntegralNumber();
            int[] perm = new int[points];
            for (int i = 0; i < points; i++) {
                perm[i] = i;
            }
            for (int i = points - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < points; i++) {
                double u = (perm[i] + random.nextDouble()) / points;
                double x = lo + u * (hi - lo);
                JsonNode v = duration ? JsonNodeFactory.instance.textNode(Math.round(x) + "ms")
                        : whole ? JsonNodeFactory.instance.numberNode(Math.round(x))
                        : JsonNodeFactory.instance.numberNode(x);
                design.get(i).add(new PathOverride(f.getKey(), v));
            }
        }
        return variants(design);
    }

    /** Names each point by its values ("buffer=1, mean=2m"), numbered where two points would share a name. */
    private static List<Variant> variants(List<List<PathOverride>> points) {
        List<String> names = new ArrayList<>();
        for (List<PathOverride> p : points) {
            List<String> parts = new ArrayList<>();
            for (PathOverride o : p) {
                String path = o.path().replaceAll("\\[[^\\]]*]", "");
                parts.add(path.substring(path.lastIndexOf('.') + 1) + "=" + o.valueText());
            }
            names.add(String.join(", ", parts));
        }
        Set<String> unique = new LinkedHashSet<>(names);
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String name = unique.size() == names.size() ? names.get(i) : "#" + (i + 1) + " " + names.get(i);
            out.add(Variant.of(name, points.get(i)));
        }
        return out;
    }

    /** Factor values in order, for callers that build a grid from Java values. */
    public static Map<String, List<JsonNode>> factors(Map<String, List<?>> values) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().map(x -> PathOverride.of(k, x).value()).toList()));
        return out;
    }
}
