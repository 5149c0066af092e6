package org.plantwin.scenarios.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Inspection;
import org.plantwin.scenarios.model.Scenario;

/** An inspection classifier read from a model descriptor: its confusion matrix sets detection and false rejects. */
class ClassifierFilesTest {

    private static String scenario(String classifier) {
        return """
                name: qc
                horizon: 8h
                products: [{id: part, routing: [L1]}]
                machines: [{id: Q1, processTime: 1m}]
                lines: [{id: L1, stations: [{id: QC, machines: [Q1], inspection: {defectRate: 0.1, classifier: %s}}]}]
                sources: [{id: in, product: part, interarrival: 2m}]
                sinks: [{id: out}]
                """.formatted(classifier);
    }

    @Test
    void readsClassesAndConfusionFromTheDescriptorBesideTheScenario(@TempDir Path dir) throws IOException {
        // The fields plantwin inspect train writes, and others the reader ignores.
        Files.writeString(dir.resolve("inspection.json"), """
                {"formatVersion": 1, "classes": ["crazing", "patches", "scratches"],
                 "confusion": [[8, 2, 0], [1, 9, 0], [0, 3, 7]], "metrics": {"cvAccuracy": 0.8}}
                """);

        Scenario s = Scenarios.parse(scenario("{model: inspection.json, reject: [crazing, scratches]}"), "qc", dir);

        Inspection in = s.lines().get(0).stations().get(0).inspection();
        assertThat(in.classifier().classes()).containsExactly("crazing", "patches", "scratches");
        // Defects (crazing, scratches) predicted as crazing or scratches: (0.8 + 0.7) / 2.
        assertThat(in.detectionProbability()).isCloseTo(0.75, offset(1e-12));
        // Acceptable parts (patches) predicted as a reject class: 1 of 10.
        assertThat(in.falseRejectProbability()).isCloseTo(0.1, offset(1e-12));
    }

    @Test
    void reportsAMissingFileAndAnUnknownRejectClass(@TempDir Path dir) throws IOException {
        ScenarioException missing = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(
                scenario("{model: nope.json, reject: [crazing]}"), "qc", dir));
        ScenarioException unknown = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(
                scenario("{classes: [a, b], confusion: [[1, 0], [0, 1]], reject: [c]}"), "qc", dir));

        assertThat(missing.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.lines[0].stations[0].inspection.classifier.model", "\"nope.json\""));
        assertThat(unknown.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.lines[0].stations[0].inspection.classifier.reject[0]", "\"c\""));
    }
}
