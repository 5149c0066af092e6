package org.plantwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/** The README's example parses, and its broken form gives exactly the output the README shows. */
class ReadmeExampleTest {

    private static final Path README = Path.of("README.md");

    @Test
    void theExampleScenarioIsValid() throws IOException {
        Scenario s = Scenarios.parse(block("example:good"), "two-step");

        assertThat(s.name()).isEqualTo("two-step");
        assertThat(Scenarios.validate(s)).isEmpty();
    }

    @Test
    void theSupplyChainExampleIsValid() throws IOException {
        Scenario s = Scenarios.parse(block("example:supply-chain"), "small-chain");

        assertThat(s.warehouses()).hasSize(1);
        assertThat(s.fleets()).hasSize(1);
        assertThat(Scenarios.validate(s)).isEmpty();
    }

    @Test
    void theBrokenExamplePrintsTheReportShown() throws IOException {
        String good = block("example:good");
        List<String> replacements = block("example:bad").lines().toList();
        String broken = good
                .replace("      - {id: S1, machines: [M1], buffer: 5}", replacements.get(0))
                .replace("      - {id: S2, machines: [M2], buffer: 0}", replacements.get(1))
                .replace("  - {id: M2, processTime: {type: triangular, min: 40s, mode: 50s, max: 90s}, scrap: 0.02}", replacements.get(2));

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(broken, "two-step-broken"));

        assertThat(e.getMessage()).isEqualTo(block("example:bad-output").strip());
    }

    /** The fenced block after {@code <!-- marker -->}. */
    private static String block(String marker) throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int at = text.indexOf("<!-- " + marker + " -->");
        assertThat(at).as("marker %s in README", marker).isNotNegative();
        int start = text.indexOf('\n', text.indexOf("```", at)) + 1;
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }
}
