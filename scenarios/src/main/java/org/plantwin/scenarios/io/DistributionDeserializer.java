package org.plantwin.scenarios.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Reads a {@link Distribution}: a duration string is a constant; an object names its {@code type}.
 * Unknown types and fields are errors that list what is allowed.
 */
public final class DistributionDeserializer extends StdDeserializer<Distribution> {

    private static final Map<String, Class<? extends Distribution>> TYPES = new TreeMap<>(Map.of(
            "constant", Distribution.Constant.class,
            "exponential", Distribution.Exponential.class,
            "uniform", Distribution.Uniform.class,
            "triangular", Distribution.Triangular.class,
            "normal", Distribution.Normal.class,
            "lognormal", Distribution.Lognormal.class,
            "gamma", Distribution.Gamma.class,
            "erlang", Distribution.Erlang.class,
            "weibull", Distribution.Weibull.class,
            "empirical", Distribution.Empirical.class));

    public DistributionDeserializer() {
        super(Distribution.class);
    }

    /** The accepted {@code type} names and the records they make, sorted by name. */
    public static Map<String, Class<? extends Distribution>> types() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }

    /** The names accepted in {@code type}, sorted. */
    public static java.util.Set<String> typeNames() {
        return TYPES.keySet();
    }

    @Override
    public Distribution deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        // ctxt.readTree, not p.readValueAsTree: the latter checks for trailing tokens mid-document.
        JsonNode node = ctxt.readTree(p);
        if (node.isTextual()) {
            try {
                return new Distribution.Constant(TimeSpan.parse(node.asText()));
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Distribution.class, e.getMessage());
            }
        }
        if (!node.isObject()) {
            return ctxt.reportInputMismatch(Distribution.class,
                    "A distribution (" + node + ") must be a duration like \"90s\" or an object like"
                            + " {type: exponential, mean: \"5m\"}. Maybe you forgot the unit or the type.");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw JsonMappingException.wrapWithPath(MismatchedInputException.from(p, Distribution.class,
                    "A distribution needs a \"type\", one of " + TYPES.keySet()
                            + ". Maybe add type: exponential."), node, "type");
        }
        String type = typeNode.asText();
        Class<? extends Distribution> target = TYPES.get(type);
        if (target == null) {
            throw JsonMappingException.wrapWithPath(MismatchedInputException.from(p, Distribution.class,
                    "The distribution type (\"" + type + "\") is not one of " + TYPES.keySet() + ". "
                            + Hints.closest(type, TYPES.keySet())), node, "type");
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        // A contextual (not root) deserializer: a root one would wrap @JsonTypeInfo handling around the record.
        JsonDeserializer<Object> deserializer = ctxt.findContextualValueDeserializer(ctxt.constructType(target), null);
        try (JsonParser sub = p.getCodec().treeAsTokens(fields)) {
            sub.nextToken();
            return (Distribution) deserializer.deserialize(sub, ctxt);
        }
    }

    /** The {@code type} field is read here, not by Jackson's polymorphic handling, which would refuse a plain "90s". */
    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return deserialize(p, ctxt);
    }
}
