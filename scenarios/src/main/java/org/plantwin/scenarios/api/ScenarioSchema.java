package org.plantwin.scenarios.api;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.plantwin.scenarios.io.DistributionDeserializer;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.RoutingStep;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the model records, so that editors can complete
 * and check them. A copy is checked in as {@code scenarios/src/main/resources/schema/scenario.schema.json};
 * {@link #main} rewrites it.
 *
 * <p>The generator sees the records; three types are written by hand because their JSON form differs from their
 * Java shape: {@link TimeSpan} (a string with a unit), {@link Distribution} (a duration string or an object whose
 * {@code type} names the distribution) and {@link RoutingStep} (an id or an object).
 */
public final class ScenarioSchema {

    /** Where the checked-in copy lives, relative to the repository root. */
    public static final String CHECKED_IN = "scenarios/src/main/resources/schema/scenario.schema.json";

    private ScenarioSchema() {
    }

    /** The schema as pretty-printed JSON with a trailing newline. */
    public static String jsonSchema() {
        JacksonModule jackson = new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY, JacksonOption.SKIP_SUBTYPE_LOOKUP,
                JacksonOption.IGNORE_TYPE_INFO_TRANSFORM);
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(jackson)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.FLATTENED_ENUMS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withCustomDefinitionProvider(new HandWritten());
        SchemaGenerator generator = new SchemaGenerator(config.build());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode schema = mapper.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://plantwin.org/schema/scenario.schema.json");
        schema.put("title", "plantwin scenario");
        schema.put("description", "A plant to simulate: products and routings, machines in lines and machine groups,"
                + " sources, sinks, horizon, warm-up and seed; the supply chain: sites (km), travel, warehouses, suppliers,"
                + " customers and truck fleets. Durations are strings with a unit (ms, s, m, h, d, w)."
                + " Generated from the model by ScenarioSchema; do not edit by hand.");
        schema.setAll(generator.generateSchema(Scenario.class));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The generated schema cannot be written as JSON.", e);
        }
    }

    /** Writes the schema to {@code args[0]}, default {@value #CHECKED_IN} (run from the repository root). */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : CHECKED_IN);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, jsonSchema(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** Definitions for types whose JSON form is not their record shape. */
    private static final class HandWritten implements CustomDefinitionProviderV2 {

        @Override
        public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
            Class<?> erased = type.getErasedType();
            if (erased == TimeSpan.class) {
                return new CustomDefinition(duration(context), CustomDefinition.DefinitionType.STANDARD,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (erased == Distribution.class) {
                return new CustomDefinition(distribution(context), CustomDefinition.DefinitionType.STANDARD,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (erased == RoutingStep.class) {
                ObjectNode node = context.getGeneratorConfig().createObjectNode();
                ArrayNode oneOf = node.putArray(context.getKeyword(SchemaKeyword.TAG_ONEOF));
                ObjectNode id = oneOf.addObject();
                id.put(context.getKeyword(SchemaKeyword.TAG_TYPE), "string");
                id.put("description", "Id of a line or machine group.");
                oneOf.add(context.createStandardDefinition(type, this));
                return new CustomDefinition(node, CustomDefinition.DefinitionType.STANDARD,
                        CustomDefinition.AttributeInclusion.NO);
            }
            return null;
        }

        private static ObjectNode duration(SchemaGenerationContext context) {
            ObjectNode node = context.getGeneratorConfig().createObjectNode();
            node.put(context.getKeyword(SchemaKeyword.TAG_TYPE), "string");
            node.put(context.getKeyword(SchemaKeyword.TAG_PATTERN), TimeSpan.PATTERN);
            node.put("description", "A duration: a number >= 0 and a unit: ms, s, m (or min), h, d, w. Examples: \"750ms\", \"90s\", \"8h\", \"30d\".");
            return node;
        }

        private ObjectNode distribution(SchemaGenerationContext context) {
            ObjectNode node = context.getGeneratorConfig().createObjectNode();
            node.put("description", "A duration string (a constant) or an object whose type names the distribution.");
            ArrayNode oneOf = node.putArray(context.getKeyword(SchemaKeyword.TAG_ONEOF));
            oneOf.add(context.createDefinitionReference(context.getTypeContext().resolve(TimeSpan.class)));
            for (Map.Entry<String, Class<? extends Distribution>> e : DistributionDeserializer.types().entrySet()) {
                ObjectNode def = context.createStandardDefinition(context.getTypeContext().resolve(e.getValue()), this);
                ObjectNode properties = def.has("properties") ? (ObjectNode) def.get("properties") : def.putObject("properties");
                ObjectNode withType = context.getGeneratorConfig().createObjectNode();
                withType.putObject("type").put("const", e.getKey());
                withType.setAll(properties);
                def.set("properties", withType);
                ArrayNode required = def.has("required") ? (ArrayNode) def.get("required") : def.putArray("required");
                required.insert(0, "type");
                oneOf.add(def);
            }
            return node;
        }
    }
}
