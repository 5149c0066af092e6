package org.plantwin.twin.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Reading request bodies strictly: JSON envelopes with known fields only (an unknown field is a problem at its JSON
 * path, with the closest known name as hint), typed values, scenarios through {@link Scenarios#parse} (so the HTTP
 * API reports exactly the CLI's problems), library names only from the library (never a file path).
 */
final class RequestBodies {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    /** The only scenario field that names a file (demand series); see {@link #fileReferences}. */
    private static final String FILE_FIELD = "file";

    private RequestBodies() {
    }

    /** Whether the body is meant as JSON: a JSON media type, or text that starts with '{'. */
    static boolean looksLikeJson(String body, boolean jsonMediaType) {
        return jsonMediaType || body.stripLeading().startsWith("{");
    }

    /** The JSON tree of {@code body}; a 400 problem naming line and column when it is not JSON. */
    static JsonNode readJson(String body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiProblem.badField("$", "(empty)", "The body is empty",
                        "Maybe send a JSON object; see /openapi.json.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiProblem.invalid("malformed-json", "Malformed JSON", "The body is not valid JSON" + where + ".",
                    List.of(new Problem("$", "(syntax)", "The body is not valid JSON" + where + ": "
                            + e.getOriginalMessage(), "Maybe check quotes, commas and brackets.")));
        }
    }

    /** Rejects fields of {@code object} (at {@code path}) that are not in {@code allowed}; all of them at once. */
    static void requireKnownFields(JsonNode object, String path, Set<String> allowed) {
        List<Problem> problems = new ArrayList<>();
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                problems.add(new Problem(path + "." + n, "\"" + n + "\"", "Unknown field; allowed here: "
                        + new TreeSet<>(allowed), Hints.closest(n, allowed)));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("invalid-request", "Invalid request", "The request has "
                    + problems.size() + " unknown field" + (problems.size() == 1 ? "" : "s") + ".", problems);
        }
    }

    /** Parses and validates a scenario; a 400 {@code invalid-scenario} problem with every problem found. */
    static Scenario scenario(String text, String source) {
        List<Problem> files = fileReferences(text);
        if (!files.isEmpty()) {
            throw ApiProblem.invalid("invalid-scenario", "Invalid scenario", "The scenario names files on the"
                    + " server.", files);
        }
        try {
            return Scenarios.parse(text, source);
        } catch (ScenarioException e) {
            throw invalidScenario(e);
        }
    }

    /**
     * The {@code file} fields of scenario text (demand series read from CSV), each as a problem: the server never
     * reads its own files for a client, so a posted scenario must carry its data inline. Text that is not YAML or
     * JSON gives no problem here; {@link Scenarios#parse} reports it.
     */
    static List<Problem> fileReferences(String text) {
        JsonNode tree;
        try {
            tree = (text.stripLeading().startsWith("{") ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        findFiles(tree, "$", out);
        return out;
    }

    private static void findFiles(JsonNode node, String path, List<Problem> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = path + "." + e.getKey();
                if (FILE_FIELD.equals(e.getKey())) {
                    out.add(new Problem(child, abbreviate(e.getValue()), "A scenario sent to the server must not"
                            + " name files: the server does not read its own files for clients",
                            "Maybe put the values inline, e.g. series: {values: [12, 15, 9], period: 1d}."));
                } else {
                    findFiles(e.getValue(), child, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findFiles(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** Whether an override (path and value) would set a {@code file} field, i.e. make the server read a file. */
    static boolean namesFile(String overridePath, JsonNode value) {
        for (String segment : overridePath.split("\\.")) {
            if (segment.replaceAll("\\[.*$", "").strip().equals(FILE_FIELD)) {
                return true;
            }
        }
        List<Problem> found = new ArrayList<>();
        findFiles(value, "$", found);
        return !found.isEmpty();
    }

    static ApiProblem invalidScenario(ScenarioException e) {
        int n = e.problems().size();
        return ApiProblem.invalid("invalid-scenario", "Invalid scenario",
                "The scenario has " + n + " problem" + (n == 1 ? "" : "s") + ".", e.problems());
    }

    /** A built-in scenario by name; a 400 problem at {@code path} (with the closest name) when there is none. */
    static Scenario library(String name, String path) {
        List<String> names = Scenarios.libraryNames();
        if (!names.contains(name)) {
            throw ApiProblem.badField(path, quote(name), "Not a built-in scenario", Hints.closest(name, names));
        }
        return Scenarios.library(name);
    }

    /** A text field: absent gives null, another type a 400 problem. */
    static String text(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiProblem.badField(path + "." + field, abbreviate(v), "Must be a string",
                    "Maybe put the value in quotes.");
        }
        return v.textValue();
    }

    /** A boolean field: absent gives null, another type a 400 problem. */
    static Boolean bool(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiProblem.badField(path + "." + field, abbreviate(v), "Must be true or false",
                    "Maybe write true without quotes.");
        }
        return v.booleanValue();
    }

    /** A boolean query parameter ({@code true} or {@code false}): absent gives null. */
    static Boolean bool(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null) {
            return null;
        }
        return switch (v.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.badField("?" + name, quote(v), "Must be true or false",
                    "Maybe ?" + name + "=true.");
        };
    }

    /** A whole-number field within [min, max]: absent gives null. */
    static Long integer(JsonNode object, String field, String path, long min, long max) {
        JsonNode v = object.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw ApiProblem.badField(path + "." + field, abbreviate(v), "Must be a whole number from " + min
                    + " to " + max, "Maybe write a number without quotes, e.g. " + Math.max(min, 1) + ".");
        }
        return v.longValue();
    }

    /** A whole number from a query parameter: absent gives null. */
    static Long integer(Map<String, String> query, String name, long min, long max) {
        String v = query.get(name);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badField("?" + name, quote(v), "Must be a whole number from " + min + " to " + max,
                "Maybe ?" + name + "=" + Math.max(min, 1) + ".");
    }

    /** A positive duration ("3000m", "8h"); {@code where} names the field or parameter. */
    static long durationMillis(String text, String where) {
        try {
            long ms = TimeSpan.parse(text).toMillis();
            if (ms > 0) {
                return ms;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.badField(where, quote(text), "Must be a positive duration with a unit (ms, s, m, h, d, w)",
                "Maybe \"3000m\" or \"30d\".");
    }

    static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
    }

    static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** A {@code status} response whose entity is {@code body} written as JSON. */
    static org.apache.pekko.http.javadsl.model.HttpResponse jsonResponse(int status, Object body) {
        try {
            return org.apache.pekko.http.javadsl.model.HttpResponse.create().withStatus(status).withEntity(
                    org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON,
                    JSON.writeValueAsString(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response (" + body.getClass().getSimpleName()
                    + ") as JSON.", e);
        }
    }

    /** An empty JSON object, for building responses. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
