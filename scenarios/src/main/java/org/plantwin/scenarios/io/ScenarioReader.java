package org.plantwin.scenarios.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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

/**
 * Reads scenario text (YAML or JSON; JSON is read by the YAML parser too) strictly: unknown fields, missing
 * required fields, nulls for numbers and wrong types are errors with the JSON path of the field.
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
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The JSON mapper used to write scenarios and results (strict on read, too). */
    public ObjectMapper jsonMapper() {
        return json;
    }

    /**
     * Parses {@code text}; {@code source} names it in errors (a file name or "request body").
     *
     * @throws ScenarioException with the problem located by JSON path
     */
    public Scenario read(String text, String source) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.stripLeading();
        ObjectMapper mapper = trimmed.startsWith("{") ? json : yaml;
        try {
            Scenario s = mapper.readValue(text, Scenario.class);
            if (s == null) {
                throw new ScenarioException(source, List.of(new Problem("$", "(empty)", "The scenario is empty",
                        "Maybe the file is blank; start from `plantwin scenarios` examples.")));
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, List.of(toProblem(e)));
        }
    }

    /** Turns a Jackson exception into a path-located problem. */
    static Problem toProblem(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "$";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            java.util.Collections.sort(known);
            return new Problem(path, "\"" + u.getPropertyName() + "\"", "Unknown field; allowed here: " + known,
                    Hints.closest(u.getPropertyName(), known));
        }
        if (e instanceof InvalidFormatException f) {
            return new Problem(path, String.valueOf(f.getValue()), "Wrong value for " + simpleType(f.getTargetType()),
                    hintFromMessage(f.getOriginalMessage()));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return new Problem(path, "(see rule)", v.getCause().getMessage(), hintFromMessage(v.getCause().getMessage()));
        }
        if (e instanceof MismatchedInputException mi) {
            String msg = mi.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                String name = msg.replaceAll(".*'([^']+)'.*", "$1");
                return new Problem(path.equals("$") ? "$." + name : path + "." + name, "(missing)",
                        "Required field \"" + name + "\" is missing", "Maybe add " + name + ": ...");
            }
            return new Problem(path, "(see rule)", firstLine(msg), hintFromMessage(msg));
        }
        String msg = e.getOriginalMessage();
        String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new Problem(path, "(syntax)", "The text is not valid YAML/JSON" + location + ": " + firstLine(msg),
                "Maybe check indentation, quotes and brackets near that line.");
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
