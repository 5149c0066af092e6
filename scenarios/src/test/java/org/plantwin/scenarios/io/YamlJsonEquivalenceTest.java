package org.plantwin.scenarios.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

class YamlJsonEquivalenceTest {

    @Test
    void yamlAndJsonFormsOfTheSameScenarioParseEqual() throws IOException {
        Scenario fromYaml = Scenarios.parse(resource("/testdata/equivalent.yaml"), "equivalent.yaml");
        Scenario fromJson = Scenarios.parse(resource("/testdata/equivalent.json"), "equivalent.json");

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromYaml.machines()).hasSize(7);
    }

    @Test
    void aScenarioWrittenAsJsonReadsBackEqual() throws Exception {
        ScenarioReader reader = new ScenarioReader();
        Scenario demo = Scenarios.library("demo");

        String json = reader.jsonMapper().writeValueAsString(demo);
        Scenario back = reader.read(json, "written");

        assertThat(back).isEqualTo(demo);
        assertThat(json).contains("\"type\":\"weibull\"");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = YamlJsonEquivalenceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
