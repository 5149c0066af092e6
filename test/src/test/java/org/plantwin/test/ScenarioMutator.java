package org.plantwin.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random mutations of a valid scenario, reproducible from a seed: half on the JSON tree (replace a value by one of
 * another type or out of range, delete a field, rename a field, add an unknown field, duplicate an array element),
 * half on the YAML text (delete, insert or swap characters, truncate, duplicate or drop lines).
 */
final class ScenarioMutator {

    /** One mutated document, its media type and what was done. */
    record Mutation(String body, String contentType, String description) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] TYPOS = {"nmae", "horizn", "machnes", "lnies", "sourcse", "processTme", "bufer",
            "stationss", "idd", "x", "", "Machines", "seed ", "file"};
    private static final String NOISE = "{}[]:,-'\"#&*!|>%@`\t\n ?0123456789.e-xyzMmhd\u00e9\u2603";

    private final SplittableRandom random;
    private final JsonNode tree;
    private final String yaml;

    ScenarioMutator(long seed, JsonNode tree, String yaml) {
        this.random = new SplittableRandom(seed);
        this.tree = tree;
        this.yaml = yaml;
    }

    Mutation next() {
        return random.nextBoolean() ? treeMutation() : textMutation();
    }

    private Mutation treeMutation() {
        JsonNode copy = tree.deepCopy();
        List<String> paths = new ArrayList<>();
        List<JsonNode> parents = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        collect(copy, "$", paths, parents, keys);
        int i = random.nextInt(paths.size());
        JsonNode parent = parents.get(i);
        Object key = keys.get(i);
        String what;
        switch (random.nextInt(5)) {
            case 0 -> {
                JsonNode v = randomValue();
                set(parent, key, v);
                what = "set " + paths.get(i) + " = " + abbreviate(v.toString());
            }
            case 1 -> {
                if (parent instanceof ObjectNode o) {
                    o.remove((String) key);
                } else {
                    ((ArrayNode) parent).remove((Integer) key);
                }
                what = "delete " + paths.get(i);
            }
            case 2 -> {
                if (parent instanceof ObjectNode o) {
                    String to = TYPOS[random.nextInt(TYPOS.length)];
                    JsonNode v = o.remove((String) key);
                    o.set(to, v);
                    what = "rename " + paths.get(i) + " to '" + to + "'";
                } else {
                    ArrayNode a = (ArrayNode) parent;
                    a.add(a.get((Integer) key).deepCopy());
                    what = "duplicate " + paths.get(i);
                }
            }
            case 3 -> {
                JsonNode target = parent;
                if (target instanceof ObjectNode o) {
                    o.put("unexpected" + random.nextInt(100), random.nextInt(1000));
                    what = "add a field next to " + paths.get(i);
                } else {
                    ((ArrayNode) target).add(randomValue());
                    what = "append to the array of " + paths.get(i);
                }
            }
            default -> {
                JsonNode old = parent instanceof ObjectNode o ? o.get((String) key) : parent.get((Integer) key);
                JsonNode v = old.isNumber() ? F.numberNode(old.asDouble() * (random.nextBoolean() ? -1 : 1e9))
                        : old.isTextual() ? F.textNode(old.asText() + (random.nextBoolean() ? "x" : "0")) : F.nullNode();
                set(parent, key, v);
                what = "perturb " + paths.get(i) + " to " + abbreviate(v.toString());
            }
        }
        return new Mutation(copy.toString(), "application/json", what);
    }

    private Mutation textMutation() {
        StringBuilder sb = new StringBuilder(yaml);
        String what;
        int at = random.nextInt(sb.length());
        switch (random.nextInt(6)) {
            case 0 -> {
                int len = 1 + random.nextInt(20);
                sb.delete(at, Math.min(sb.length(), at + len));
                what = "delete " + len + " chars at " + at;
            }
            case 1 -> {
                int len = 1 + random.nextInt(5);
                for (int k = 0; k < len; k++) {
                    sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                }
                what = "insert " + len + " chars at " + at;
            }
            case 2 -> {
                int j = random.nextInt(sb.length());
                char c = sb.charAt(at);
                sb.setCharAt(at, sb.charAt(j));
                sb.setCharAt(j, c);
                what = "swap chars " + at + " and " + j;
            }
            case 3 -> {
                sb.setLength(at);
                what = "truncate at " + at;
            }
            case 4 -> {
                List<String> lines = new ArrayList<>(yaml.lines().toList());
                int l = random.nextInt(lines.size());
                lines.add(l, lines.get(l));
                what = "duplicate line " + (l + 1);
                return new Mutation(String.join("\n", lines) + "\n", "application/yaml", what);
            }
            default -> {
                List<String> lines = new ArrayList<>(yaml.lines().toList());
                int l = random.nextInt(lines.size());
                lines.remove(l);
                what = "drop line " + (l + 1);
                return new Mutation(String.join("\n", lines) + "\n", "application/yaml", what);
            }
        }
        return new Mutation(sb.toString(), "application/yaml", what);
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(14)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(-1);
            case 2 -> F.numberNode(0);
            case 3 -> F.numberNode(1e308);
            case 4 -> F.textNode("");
            case 5 -> F.textNode("abc");
            case 6 -> F.textNode("-5m");
            case 7 -> F.textNode("1x");
            case 8 -> F.booleanNode(true);
            case 9 -> F.arrayNode();
            case 10 -> F.objectNode();
            case 11 -> F.textNode("9".repeat(400));
            case 12 -> F.numberNode(random.nextInt(-1000, 100000));
            default -> F.textNode(random.nextInt(1, 1000) + new String[] {"ms", "s", "m", "h", "d", "w"}[random.nextInt(6)]);
        };
    }

    private static void collect(JsonNode node, String path, List<String> paths, List<JsonNode> parents,
                                List<Object> keys) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(k -> {
                paths.add(path + "." + k);
                parents.add(node);
                keys.add(k);
                collect(node.get(k), path + "." + k, paths, parents, keys);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "[" + i + "]");
                parents.add(node);
                keys.add(i);
                collect(node.get(i), path + "[" + i + "]", paths, parents, keys);
            }
        }
    }

    private static void set(JsonNode parent, Object key, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set((String) key, value);
        } else {
            ((ArrayNode) parent).set((Integer) key, value);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
