package org.plantwin.scenarios.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Reads scenario text (YAML or JSON) strictly: unknown fields, missing required fields, explicit nulls and wrong
 * types are errors with the JSON path of the field, the value found there and a "Maybe" hint.
 */
public final class ScenarioReader {

    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public ScenarioReader() {
        this.yaml = strict(YAMLMapper.builder(new YAMLFactory()).build());
        this.json = strict(JsonMapper.builder().build());
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Not FAIL_ON_NULL_CREATOR_PROPERTIES: it also rejects optional fields that are merely absent.
                // Required fields are enforced by @JsonProperty(required = true); explicit nulls by findNulls.
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // Absent fields stay absent when written: an explicit null would be refused on reading back.
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The JSON mapper used to write scenarios (leaving nulls out) and results; strict on read, too. */
    public ObjectMapper jsonMapper() {
        return json;
    }

    /**
     * Parses {@code text}; {@code source} names it in errors (a file name or "request body").
     *
     * <p>The text is read as a tree first, so that a syntax error names its line, every explicit null is reported
     * at once, and a mapping error can quote the value found at its path.
     *
     * @throws ScenarioException with the problems located by JSON path
     */
    public Scenario read(String text, String source) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.stripLeading();
        ObjectMapper mapper = trimmed.startsWith("{") ? json : yaml;
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, List.of(syntaxProblem(e, text)));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull() || (tree.isObject() && tree.isEmpty())) {
            throw new ScenarioException(source, List.of(new Problem("$", "(empty)", "The scenario is empty",
                    "Maybe the file is blank; start from a library scenario (`plantwin scenarios`).")));
        }
        if (!tree.isObject()) {
            throw new ScenarioException(source, List.of(new Problem("$", abbreviate(tree),
                    "A scenario must be an object with name, horizon, products, machines, lines, sources and sinks",
                    "Maybe the file holds something else, or its first line is indented.")));
        }
        List<Problem> nulls = new ArrayList<>();
        findNulls(tree, "$", nulls);
        if (!nulls.isEmpty()) {
            throw new ScenarioException(source, nulls);
        }
        try {
            return mapper.treeToValue(tree, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, List.of(toProblem(e, tree)));
        } catch (IllegalArgumentException e) {
            // treeToValue wraps some mapping errors in IllegalArgumentException.
            if (e.getCause() instanceof JsonProcessingException j) {
                throw new ScenarioException(source, List.of(toProblem(j, tree)));
            }
            throw e;
        }
    }

    /** Explicit nulls ({@code sink: null}, {@code sink: ~} or {@code sink:}) are errors: leave the field out. */
    private static void findNulls(JsonNode node, String path, List<Problem> out) {
        if (node.isNull()) {
            out.add(new Problem(path, "null", "A field must not be null",
                    "Maybe give it a value, or leave the field out for its default."));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> findNulls(e.getValue(), child(path, e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNulls(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static Problem syntaxProblem(JsonProcessingException e, String text) {
        String value = "(syntax)";
        String where = "";
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            int lineNr = e.getLocation().getLineNr();
            List<String> lines = text.lines().toList();
            where = " at line " + lineNr + ", column " + e.getLocation().getColumnNr();
            if (lineNr <= lines.size()) {
                value = "\"" + lines.get(lineNr - 1) + "\"";
            }
        }
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("^") && !l.startsWith("- ") && !l.startsWith("{") && !l.startsWith("..."))
                .collect(java.util.stream.Collectors.joining(" "));
        return new Problem("$", value, "The text is not valid YAML/JSON" + where + ": " + detail,
                "Maybe check indentation, quotes and brackets on that line and the one before.");
    }

    /** Turns a Jackson mapping exception into a path-located problem; {@code tree} supplies the value found. */
    static Problem toProblem(JsonProcessingException e, JsonNode tree) {
        List<JsonMappingException.Reference> refs = e instanceof JsonMappingException m ? m.getPath() : List.of();
        String path = jsonPath(refs);
        JsonNode found = at(tree, refs);
        String value = found != null ? abbreviate(found) : refs.isEmpty() ? "(see rule)" : "(missing)";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            java.util.Collections.sort(known);
            return new Problem(path, "\"" + u.getPropertyName() + "\"", "Unknown field; allowed here: " + known,
                    Hints.closest(u.getPropertyName(), known));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            List<String> allowed = enumNames(f.getTargetType());
            return new Problem(path, value, "Not one of " + allowed, Hints.closest(String.valueOf(f.getValue()), allowed));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            String msg = v.getCause().getMessage();
            if (msg == null || msg.isBlank()) {
                // Never an empty rule: name what failed where no message says more.
                msg = "The value cannot be built (" + v.getCause().getClass().getSimpleName()
                        + "); an entry may be empty or of the wrong type";
            }
            return new Problem(path, value, ruleOf(msg), hintFromMessage(msg));
        }
        if (e instanceof MismatchedInputException mi) {
            String msg = mi.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                String name = msg.replaceAll("(?s)^[^']*'([^']+)'.*$", "$1");
                String at = path.endsWith("." + name) || path.endsWith("['" + name + "']") ? path : child(path, name);
                String parentPath = at.substring(0, at.length() - name.length() - 1);
                JsonNode parent = at(tree, refs.isEmpty() || !name.equals(refs.get(refs.size() - 1).getFieldName())
                        ? refs : refs.subList(0, refs.size() - 1));
                if (parent != null && parent.isObject()) {
                    // A misspelt required field shows up as missing; name the misspelling instead.
                    for (java.util.Iterator<String> it = parent.fieldNames(); it.hasNext(); ) {
                        String given = it.next();
                        if (!given.equals(name) && Hints.distance(given.toLowerCase(java.util.Locale.ROOT),
                                name.toLowerCase(java.util.Locale.ROOT)) <= 2) {
                            return new Problem(child(parentPath, given), "\"" + given + "\"",
                                    "Unknown field; the required field \"" + name + "\" is missing",
                                    "Maybe you meant \"" + name + "\".");
                        }
                    }
                }
                return new Problem(at, "(missing)", "Required field \"" + name + "\" is missing",
                        "Maybe add " + name + ": ...");
            }
            Class<?> target = mi.getTargetType();
            if (target == TimeSpan.class && found != null && found.isNumber()) {
                return new Problem(path, value, "A duration needs a unit",
                        "Maybe \"" + found.asText() + "s\" or \"" + found.asText() + "m\": units are ms, s, m, h, d, w.");
            }
            if (msg.contains("Maybe")) {
                return new Problem(path, value, ruleOf(msg), hintFromMessage(msg));
            }
            String expected = expectedKind(target);
            if (expected != null) {
                return new Problem(path, value, "Expected " + expected, "Maybe write " + exampleOf(target) + ".");
            }
            return new Problem(path, value, firstLine(msg), "Maybe check the type and format of this field.");
        }
        return new Problem(path, value, firstLine(e.getOriginalMessage()), "Maybe check the type and format of this field.");
    }

    private static String expectedKind(Class<?> target) {
        if (target == null) {
            return null;
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a text (an id or name)";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(target)) {
            return "a map (key: value)";
        }
        if (target == TimeSpan.class) {
            return "a duration such as \"90s\"";
        }
        if (target.getPackageName().equals(Scenario.class.getPackageName())) {
            return "an object (" + target.getSimpleName() + ")";
        }
        return null;
    }

    private static String exampleOf(Class<?> target) {
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number like 5";
        }
        if (target == Double.class || target == double.class) {
            return "a number like 0.02 (no % sign)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list like [a, b] or one \"- item\" per line";
        }
        if (target == TimeSpan.class) {
            return "a number with a unit, like \"90s\"";
        }
        return "it in the form the README shows";
    }

    /** The JSON names of an enum's constants (their {@code @JsonProperty} values). */
    static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            try {
                JsonProperty p = type.getField(name).getAnnotation(JsonProperty.class);
                names.add(p != null && !p.value().isEmpty() ? p.value() : name);
            } catch (NoSuchFieldException ex) {
                names.add(name);
            }
        }
        return names;
    }

    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode n = tree;
        for (JsonMappingException.Reference r : refs) {
            if (n == null) {
                return null;
            }
            n = r.getIndex() >= 0 ? n.get(r.getIndex()) : r.getFieldName() != null ? n.get(r.getFieldName()) : n;
        }
        return n;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String child(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + name : path + "['" + name + "']";
    }

    private static String ruleOf(String msg) {
        String line = firstLine(msg);
        int i = line.indexOf(" Maybe");
        String rule = i >= 0 ? line.substring(0, i).trim() : line.trim();
        return rule.endsWith(".") ? rule.substring(0, rule.length() - 1) : rule;
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "this field" : type.getSimpleName();
    }

    private static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    private static String hintFromMessage(String msg) {
        if (msg == null) {
            return "Maybe check the type of this field.";
        }
        int i = msg.indexOf("Maybe");
        return i >= 0 ? firstLine(msg.substring(i)) : "Maybe check the type and format of this field.";
    }

    /** Formats Jackson's reference chain as {@code $.machines[2].failures[0].repair}. */
    public static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                String f = r.getFieldName();
                if (f.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    sb.append('.').append(f);
                } else {
                    sb.append("['").append(f).append("']");
                }
            }
        }
        return sb.toString();
    }
}
