package org.plantwin.scenarios.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.io.DistributionDeserializer;
import org.plantwin.scenarios.library.ScenarioLibrary;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

class ScenarioSchemaTest {

    /** The checked-in copy, relative to the module directory (surefire's working directory). */
    private static final Path CHECKED_IN = Path.of("src/main/resources/schema/scenario.schema.json");

    private final String schemaText = ScenarioSchema.jsonSchema();
    private final JsonNode schema = parse(schemaText);

    @Test
    void namesEveryTopLevelFieldOfTheModel() {
        List<String> fields = Arrays.stream(Scenario.class.getRecordComponents()).map(c -> c.getName()).toList();

        assertThat(names(schema.get("properties"))).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("name", "horizon", "products");
    }

    @Test
    void writesADistributionAsOneOfADurationOrATypedObject() {
        JsonNode oneOf = schema.at("/$defs/Distribution/oneOf");

        assertThat(oneOf.get(0).get("$ref").asText()).isEqualTo("#/$defs/TimeSpan");
        List<String> consts = new ArrayList<>();
        for (int i = 1; i < oneOf.size(); i++) {
            consts.add(oneOf.get(i).at("/properties/type/const").asText());
            assertThat(oneOf.get(i).get("required").get(0).asText()).isEqualTo("type");
        }
        assertThat(consts).containsExactlyElementsOf(DistributionDeserializer.typeNames());
    }

    @Test
    void writesATimeSpanAsAStringWithTheParsersPattern() {
        JsonNode timeSpan = schema.at("/$defs/TimeSpan");

        assertThat(timeSpan.get("type").asText()).isEqualTo("string");
        Pattern pattern = Pattern.compile(timeSpan.get("pattern").asText());
        assertThat(pattern.matcher("90s").find()).isTrue();
        assertThat(pattern.matcher("1.5h").find()).isTrue();
        assertThat(pattern.matcher("90 secs").find()).isFalse();
        assertThat(pattern.matcher("90").find()).isFalse();
        assertThat(timeSpan.get("pattern").asText()).isEqualTo(TimeSpan.PATTERN);
    }

    @Test
    void coversTheTopLevelFieldsOfEveryLibraryScenario() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        for (String name : ScenarioLibrary.names()) {
            JsonNode tree = yaml.readTree(ScenarioLibrary.text(name));
            assertThat(names(schema.get("properties"))).as(name).containsAll(names(tree));
        }
    }

    @Test
    void theCheckedInCopyIsUpToDate() throws IOException {
        if (Boolean.getBoolean("plantwin.updateSchema")) {
            Files.writeString(CHECKED_IN, schemaText, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "(missing)";

        assertThat(checkedIn)
                .as("%s is out of date with the model. Regenerate it with%n"
                        + "  mvn -o -q -pl scenarios test -Dtest=ScenarioSchemaTest -Dplantwin.updateSchema=true%n"
                        + "or run org.plantwin.scenarios.api.ScenarioSchema.main from the repository root, and commit it.",
                        CHECKED_IN)
                .isEqualTo(schemaText);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("The schema is not valid JSON: " + e.getMessage(), e);
        }
    }
}
