package org.plantwin.scenarios.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;

/**
 * Every file in {@code testdata/bad} is a small scenario with one thing wrong; its header names the JSON path and
 * the value the problem must report ({@code # expect-path:} and {@code # expect-value:}).
 */
class MalformedScenarioTest {

    static Stream<String> badFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(MalformedScenarioTest.class.getResource("/testdata/bad").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(20);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsThePathAndValueNamedInTheFixture(String file) throws IOException, URISyntaxException {
        Path path = Path.of(MalformedScenarioTest.class.getResource("/testdata/bad/" + file).toURI());
        String text = Files.readString(path, StandardCharsets.UTF_8);
        String expectedPath = header(text, "expect-path");
        String expectedValue = header(text, "expect-value");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, file));

        assertThat(e).as("%s must be rejected", file).isNotNull();
        assertThat(e.problems())
                .as("problems of %s", file)
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo(expectedPath);
                    assertThat(p.value()).isEqualTo(expectedValue);
                });
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.hint()).startsWith("Maybe");
            assertThat(p.rule()).isNotBlank();
        });
        assertThat(e.getMessage()).contains(file).contains(expectedPath);
        // Single-fault fixtures report exactly one problem, so nothing downstream of the fault is noise.
        assertThat(e.problems()).as("problems of %s", file).hasSize(1);
    }

    private static String header(String text, String key) {
        return text.lines().filter(l -> l.startsWith("# " + key + ": ")).map(l -> l.substring(key.length() + 4))
                .findFirst().orElseThrow(() -> new AssertionError("The fixture lacks # " + key + ":"));
    }

    static Problem only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }
}
