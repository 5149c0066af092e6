package org.plantwin.twin.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.io.ScenarioReader;
import org.plantwin.scenarios.model.Scenario;

/**
 * Applies {@link PathOverride}s to a scenario on its JSON tree and reads the result back through
 * {@link Scenarios#parse}, so a variant is validated like any scenario file. A problem caused by an override
 * names the override's path.
 */
public final class Overrides {

    private static final ObjectMapper MAPPER = new ScenarioReader().jsonMapper();

    private Overrides() {
    }

    /**
     * The scenario with every override applied in order; {@code source} names the variant in errors.
     *
     * @throws ScenarioException listing every bad override path, or the validation problems of the result
     */
    public static Scenario apply(Scenario base, List<PathOverride> overrides, String source) {
        if (overrides.isEmpty()) {
            return base;
        }
        ObjectNode tree = MAPPER.valueToTree(base);
        List<Problem> problems = new ArrayList<>();
        List<Set<String>> touched = new ArrayList<>();
        for (PathOverride o : overrides) {
            Set<String> paths = new LinkedHashSet<>();
            touched.add(paths);
            try {
                set(tree, o, paths);
            } catch (PathException e) {
                problems.add(new Problem(o.path(), o.valueText(), e.getMessage(), e.hint));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        String json;
        try {
            json = MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The variant (" + source + ") cannot be written as JSON.", e);
        }
        try {
            return Scenarios.parse(json, source);
        } catch (ScenarioException e) {
            List<Problem> named = new ArrayList<>();
            for (Problem p : e.problems()) {
                named.add(attribute(p, overrides, touched));
            }
            throw new ScenarioException(source, named);
        }
    }

    /** Names the override whose target is at, above or below the problem's path. */
    private static Problem attribute(Problem p, List<PathOverride> overrides, List<Set<String>> touched) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            for (String t : touched.get(i)) {
                if (related(p.path(), t)) {
                    return new Problem(overrides.get(i).path() + " (" + p.path() + ")", p.value(),
                            p.rule() + " [set by override " + overrides.get(i).path() + "]", p.hint());
                }
            }
        }
        return p;
    }

    private static boolean related(String problemPath, String target) {
        if (problemPath.equals("$")) {
            return false;
        }
        return problemPath.equals(target) || under(problemPath, target) || under(target, problemPath);
    }

    private static boolean under(String path, String ancestor) {
        return path.startsWith(ancestor) && path.length() > ancestor.length()
                && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }

    /** A target of a path: a node and the concrete JSON path that leads to it. */
    private record Target(JsonNode node, String path) {
    }

    private record Segment(String field, List<String> selectors) {
    }

    private static void set(ObjectNode root, PathOverride o, Set<String> touched) {
        List<Segment> segments = parse(o.path());
        List<Target> current = List.of(new Target(root, "$"));
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            List<Target> next = new ArrayList<>();
            for (Target t : current) {
                if (!(t.node() instanceof ObjectNode obj)) {
                    throw new PathException("The path reaches " + t.path() + ", which is not an object (found "
                            + abbreviate(t.node()) + ")", "Maybe the path is one level too deep.");
                }
                String childPath = t.path() + "." + seg.field();
                if (last && seg.selectors().isEmpty()) {
                    obj.set(seg.field(), o.value().deepCopy());
                    touched.add(childPath);
                    continue;
                }
                JsonNode child = obj.get(seg.field());
                if (child == null) {
                    List<String> names = new ArrayList<>();
                    obj.fieldNames().forEachRemaining(names::add);
                    throw new PathException("There is no field \"" + seg.field() + "\" at " + t.path(),
                            Hints.closest(seg.field(), names));
                }
                List<Target> selected = List.of(new Target(child, childPath));
                for (int s = 0; s < seg.selectors().size(); s++) {
                    boolean lastSelector = last && s == seg.selectors().size() - 1;
                    List<Target> after = new ArrayList<>();
                    for (Target st : selected) {
                        after.addAll(select(st, seg.selectors().get(s), lastSelector ? o.value() : null, touched));
                    }
                    selected = after;
                }
                next.addAll(selected);
            }
            if (!last && next.isEmpty()) {
                throw new PathException("The path matches nothing after \"" + seg.field() + "\"",
                        "Maybe the list is empty.");
            }
            current = next;
        }
    }

    /** Elements of the list at {@code t} chosen by {@code selector}; with {@code value}, replaces them. */
    private static List<Target> select(Target t, String selector, JsonNode value, Set<String> touched) {
        if (!(t.node() instanceof ArrayNode array)) {
            throw new PathException("[" + selector + "] selects from a list, but " + t.path() + " is "
                    + abbreviate(t.node()), "Maybe leave out [" + selector + "].");
        }
        List<Integer> indexes = new ArrayList<>();
        if (selector.equals("*")) {
            for (int k = 0; k < array.size(); k++) {
                indexes.add(k);
            }
        } else if (selector.matches("\\d+")) {
            int k = Integer.parseInt(selector);
            if (k >= array.size()) {
                throw new PathException("The index " + k + " is out of range: " + t.path() + " has " + array.size()
                        + " element" + (array.size() == 1 ? "" : "s"),
                        "Maybe use an index from 0 to " + (array.size() - 1) + ".");
            }
            indexes.add(k);
        } else {
            int eq = selector.indexOf('=');
            String key = eq < 0 ? "id" : selector.substring(0, eq).strip();
            String wanted = eq < 0 ? selector : selector.substring(eq + 1).strip();
            List<String> seen = new ArrayList<>();
            for (int k = 0; k < array.size(); k++) {
                JsonNode e = array.get(k);
                JsonNode f = e.isObject() ? e.get(key) : e;
                if (f != null) {
                    seen.add(f.asText());
                    if (f.asText().equals(wanted)) {
                        indexes.add(k);
                    }
                }
            }
            if (indexes.isEmpty()) {
                throw new PathException("No element of " + t.path() + " has " + key + " = " + wanted,
                        seen.isEmpty() ? "Maybe the elements have no field \"" + key + "\"." : Hints.closest(wanted, seen));
            }
        }
        List<Target> out = new ArrayList<>();
        for (int k : indexes) {
            String p = t.path() + "[" + k + "]";
            if (value != null) {
                array.set(k, value.deepCopy());
                touched.add(p);
            } else {
                out.add(new Target(array.get(k), p));
            }
        }
        return out;
    }

    private static List<Segment> parse(String path) {
        String p = path.strip();
        if (p.startsWith("$.")) {
            p = p.substring(2);
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            int start = i;
            while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                i++;
            }
            String field = p.substring(start, i);
            if (field.isEmpty()) {
                throw new PathException("The path has an empty field name at character " + (start + 1),
                        "Maybe write it like machines[id=M3].failures[0].repair.mean.");
            }
            List<String> selectors = new ArrayList<>();
            while (i < p.length() && p.charAt(i) == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw new PathException("The path has an unclosed [", "Maybe add the closing ].");
                }
                selectors.add(p.substring(i + 1, close).strip());
                i = close + 1;
            }
            out.add(new Segment(field, selectors));
            if (i < p.length()) {
                if (p.charAt(i) != '.') {
                    throw new PathException("Expected . after ] at character " + (i + 1),
                            "Maybe write it like lines[id=L1].stations[id=S2].buffer.");
                }
                i++;
                if (i == p.length()) {
                    throw new PathException("The path ends with a dot", "Maybe remove the trailing dot.");
                }
            }
        }
        if (out.isEmpty()) {
            throw new PathException("The path is empty", "Maybe write it like horizon or machines[id=M3].scrap.");
        }
        return out;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** A path that does not lead anywhere; becomes a {@link Problem} at the override's path. */
    private static final class PathException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String hint;

        PathException(String rule, String hint) {
            super(rule);
            this.hint = hint;
        }
    }
}
