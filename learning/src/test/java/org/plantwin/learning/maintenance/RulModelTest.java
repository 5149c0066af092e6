package org.plantwin.learning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulModelTest {

    private static final List<EngineUnit> TRAIN = CmapssFiles.readUnits(CmapssFixtures.train());
    private static final List<EngineUnit> TEST = CmapssFiles.readUnits(CmapssFixtures.test());

    /** A few dozen steps: 3 units, 1 held out, 2 epochs of batch 64. */
    static RulConfig tiny() {
        return RulConfig.defaults().withArchitecture("dcnn").withMaxEpochs(2).withBatchSize(64).withValidationFraction(0.34)
                .withMembers(1);
    }

    @TempDir
    Path tmp;

    @Test
    void savedAndReloadedModelPredictsTheSame() {
        double[] before;
        try (RulModel m = RulModel.train(TRAIN, tiny(), null)) {
            before = m.predict(TEST);
            m.save(tmp);
        }
        assertThat(tmp.resolve("rul-0000.params")).isRegularFile();
        assertThat(tmp.resolve("rul.json")).isRegularFile();
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.predict(TEST)).containsExactly(before);
            RulDescriptor d = loaded.descriptor();
            assertThat(d.model()).isEqualTo("dcnn");
            assertThat(d.window()).isEqualTo(30);
            // The kept sensors, their slow and baseline columns, then the age (the defaults' inputs).
            assertThat(d.features()).hasSize(3 * 14 + 1).startsWith("s2", "s3", "s4", "s7", "s8", "s9", "s11",
                    "s12", "s13", "s14", "s15", "s17", "s20", "s21", "s2-slow").contains("s21-slow", "s2-base")
                    .endsWith("s21-base", "age");
            assertThat(d.validationUnits()).hasSize(1);
            assertThat(d.trainingUnits()).hasSize(2);
            assertThat(d.trainingDataSha256()).isEqualTo(RulProtocol.sha256(TRAIN)).hasSize(64);
            assertThat(d.metrics()).containsKey("validationRmse");
            assertThat(d.epochsRun()).isEqualTo(2);
        }
        assertThat(java.util.Arrays.stream(before).boxed().toList()).hasSize(3).allSatisfy(v -> assertThat(v).isBetween(0.0, 125.0));
    }

    @Test
    void sameSeedSamePredictions() {
        assertThat(trainAndPredict(tiny())).containsExactly(trainAndPredict(tiny()));
        assertThat(trainAndPredict(tiny().withSeed(7))).isNotEqualTo(trainAndPredict(tiny()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "cnnlstm"})
    void recurrentNetworksTrainAndReload(String architecture) {
        RulConfig c = tiny().withArchitecture(architecture).withMaxEpochs(1);
        double[] before = trainSaveAndPredict(c);
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.predict(TEST)).containsExactly(before);
        }
    }

    @Test
    void ensembleSavesEveryMemberAndReloadsTheMeanPrediction() {
        RulConfig c = tiny().withMaxEpochs(1).withMembers(2);
        double[] before;
        double[] single;
        try (RulModel m = RulModel.train(TRAIN, c, null)) {
            before = m.predict(TEST);
            m.save(tmp);
            assertThat(m.descriptor().metrics()).containsKeys("validationRmse", "member0ValidationRmse",
                    "member1ValidationRmse");
            assertThat(m.descriptor().validationUnits()).hasSize(1);
        }
        try (RulModel m = RulModel.train(TRAIN, c.withMembers(1), null)) {
            single = m.predict(TEST);
        }
        assertThat(tmp.resolve("rul-0000.params")).isRegularFile();
        assertThat(tmp.resolve("rul-m1-0000.params")).isRegularFile();
        assertThat(before).isNotEqualTo(single);
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.descriptor().config().members()).isEqualTo(2);
            assertThat(loaded.predict(TEST)).containsExactly(before);
        }
    }

    @Test
    void descriptorWithoutDecayOrMembersLoadsAsOneNetworkAtAFixedRate() throws Exception {
        trainSaveAndPredict(tiny().withMaxEpochs(1));
        Path json = withoutConfigKeys("finalLearningRate", "members", "smoothing", "emaDecay");
        assertThat(Files.readString(json)).doesNotContain("members").doesNotContain("finalLearningRate")
                .doesNotContain("smoothing");
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.descriptor().config().members()).isEqualTo(1);
            assertThat(loaded.descriptor().config().finalLearningRate()).isEqualTo(tiny().learningRate());
            assertThat(loaded.descriptor().config().smoothing()).isEqualTo(1.0); // no smoothing
            assertThat(loaded.descriptor().config().emaDecay()).isZero(); // no averaging
        }
    }

    @Test
    void descriptorWithoutBaselineOrSlowInputsLoadsWithoutThemAndPredictsTheSame() throws Exception {
        RulConfig c = tiny().withMaxEpochs(1).withBaselineCycles(0).withSlowSmoothing(0);
        double[] before = trainSaveAndPredict(c);
        Path json = withoutConfigKeys("baselineCycles", "slowSmoothing");
        assertThat(Files.readString(json)).doesNotContain("baselineCycles").doesNotContain("slowSmoothing");
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.descriptor().features()).hasSize(14 + 1).doesNotContain("s2-base", "s2-slow");
            assertThat(loaded.descriptor().config().baselineCycles()).isZero();
            assertThat(loaded.descriptor().config().slowSmoothing()).isZero();
            assertThat(loaded.predict(TEST)).containsExactly(before);
        }
        // The defaults' inputs change the predictions (the baseline and slow columns reach the network).
        assertThat(trainAndPredict(tiny().withMaxEpochs(1))).isNotEqualTo(before);
    }

    @Test
    void sixConditionUnitsTrainAndPredictWithTheDefaultInputs() {
        // FD002/FD004 have six flight conditions: the baseline and slow columns are built from the per-condition
        // scaled sensors, so they do not carry the condition's offset (1000 per condition in this fixture).
        List<EngineUnit> units = CmapssFixtures.sixConditions(6, 120, 5);
        SensorScaling sc = RulProtocol.fit(units);
        float[][] x = RulProtocol.inputs(units.get(0), sc, RulProtocol.Inputs.of(RulConfig.defaults()));
        int f = sc.features();
        for (float[] row : x) {
            for (int j = 0; j < 3 * f; j++) {
                assertThat(row[j]).isBetween(-2f, 2f);
            }
        }
        try (RulModel m = RulModel.train(units, tiny().withMaxEpochs(1).withValidationFraction(0.2), null)) {
            assertThat(m.descriptor().scaling().conditionCentres()).hasNumberOfRows(6);
            assertThat(m.descriptor().features()).hasSize(3 * f + 1);
            double[] p = m.predict(units.stream().map(u -> u.truncate(60)).toList());
            assertThat(p).hasSize(6);
            for (double v : p) {
                assertThat(v).isBetween(0.0, 125.0);
            }
        }
    }

    @Test
    void averagingTheLastWindowsShiftsEachByTheCyclesSinceIt() {
        try (RulModel m = RulModel.train(TRAIN, tiny().withMaxEpochs(1), null)) {
            assertThat(m.predict(TEST, 1)).containsExactly(m.predict(TEST));
            EngineUnit u = TEST.get(0);
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                expected += m.predict(List.of(u.truncate(u.cycles() - j)))[0] - j;
            }
            assertThat(m.predict(List.of(u), 3)[0]).isCloseTo(Math.max(0, expected / 3), within(1e-9));
            // A unit of two cycles uses the two windows it has.
            EngineUnit two = u.truncate(2);
            double both = (m.predict(List.of(two))[0] + m.predict(List.of(u.truncate(1)))[0] - 1) / 2;
            assertThat(m.predict(List.of(two), 5)[0]).isCloseTo(Math.max(0, both), within(1e-9));
            assertThatThrownBy(() -> m.predict(TEST, 0)).hasMessageContaining("lastWindows (0)");
        }
    }

    @Test
    void ageInputAndEndOfLifeValidationRoundTrip() {
        RulConfig c = tiny().withMaxEpochs(1).withAgeScale(200).withValidationEnd(150);
        double[] before;
        try (RulModel m = RulModel.train(TRAIN, c, null)) {
            before = m.predict(TEST);
            assertThat(m.descriptor().features()).endsWith("age");
            assertThat(m.descriptor().metrics().get("validationRmse")).isFinite();
            m.save(tmp);
        }
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.descriptor().config().ageScale()).isEqualTo(200);
            assertThat(loaded.descriptor().config().validationEnd()).isEqualTo(150);
            assertThat(loaded.predict(TEST)).containsExactly(before);
        }
    }

    @Test
    void smoothedModelRoundTripsWithItsSmoothing() {
        RulConfig c = tiny().withMaxEpochs(1).withSmoothing(0.3);
        double[] before = trainSaveAndPredict(c);
        assertThat(before).isNotEqualTo(trainAndPredict(c.withSmoothing(1.0)));
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.descriptor().config().smoothing()).isEqualTo(0.3);
            assertThat(loaded.predict(TEST)).containsExactly(before);
        }
    }

    @Test
    void weightAveragingIsSeededChangesTheModelAndRoundTrips() {
        RulConfig c = tiny().withMaxEpochs(2).withEmaDecay(0.9);
        double[] before = trainSaveAndPredict(c);
        assertThat(trainAndPredict(c)).containsExactly(before);
        assertThat(before).isNotEqualTo(trainAndPredict(c.withEmaDecay(0)));
        try (RulModel loaded = RulModel.load(tmp, 1)) {
            assertThat(loaded.descriptor().config().emaDecay()).isEqualTo(0.9);
            assertThat(loaded.predict(TEST)).containsExactly(before);
        }
        assertThatThrownBy(() -> c.withEmaDecay(1)).hasMessageContaining("emaDecay (1.0)");
    }

    @Test
    void rejectsAFinalLearningRateAboveTheStart() {
        assertThatThrownBy(() -> new RulConfig("lstm", 42, 60, 256, 1e-3f, 10, 0.1, 30, 125, 1, 1e-2f, 1))
                .hasMessageContaining("finalLearningRate (0.01)");
        assertThatThrownBy(() -> tiny().withMembers(-1)).hasMessageContaining("members (-1)");
    }

    @Test
    void loadingWithoutADescriptorNamesTheDirectory() {
        assertThatThrownBy(() -> RulModel.load(tmp, 1)).hasMessageContaining("(" + tmp + ")")
                .hasMessageContaining("rul.json");
    }

    @Test
    void loadingAnUnknownArchitectureFails() throws Exception {
        try (RulModel m = RulModel.train(TRAIN, tiny().withMaxEpochs(1), null)) {
            m.save(tmp);
        }
        Path json = tmp.resolve("rul.json");
        Files.writeString(json, Files.readString(json).replace("\"model\" : \"dcnn\"", "\"model\" : \"gru\""));
        assertThatThrownBy(() -> RulModel.load(tmp, 1)).hasMessageContaining("gru");
    }

    /** Trains with {@code c}, saves the model into {@code tmp} and returns its predictions for the test units. */
    private double[] trainSaveAndPredict(RulConfig c) {
        try (RulModel m = RulModel.train(TRAIN, c, null)) {
            m.save(tmp);
            return m.predict(TEST);
        }
    }

    /** Removes {@code keys} from the config of the saved {@code rul.json}, as a descriptor written before them. */
    private Path withoutConfigKeys(String... keys) throws java.io.IOException {
        Path json = tmp.resolve("rul.json");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = mapper.readTree(json.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("config")).remove(List.of(keys));
        mapper.writeValue(json.toFile(), tree);
        return json;
    }

    private static double[] trainAndPredict(RulConfig c) {
        try (RulModel m = RulModel.train(TRAIN, c, null)) {
            return m.predict(TEST);
        }
    }
}
