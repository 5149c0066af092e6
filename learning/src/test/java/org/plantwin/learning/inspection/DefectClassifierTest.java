package org.plantwin.learning.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefectClassifierTest {

    @TempDir
    Path dir;

    private static final InspectionConfig TINY = InspectionConfig.defaults().withImageSize(32).withWidth(4)
            .withEpochs(3).withSeed(5);

    @Test
    void trainsSavesAndReloadsWithIdenticalPredictions() {
        List<GreyImage> images = InspectionImages.fromFolders(InspectionImagesTest.NEU, 32);
        List<Prediction> before;
        try (DefectClassifier c = DefectClassifier.train(images, TINY, null)) {
            c.recordEvaluation(Map.of("cvAccuracy", 0.5), List.of(List.of(1.0)));
            before = c.predict(images);
            c.save(dir);
            assertThat(c.descriptor().classes()).containsExactly("crazing", "inclusion", "patches",
                    "pitted_surface", "rolled-in_scale", "scratches");
        }
        assertThat(dir.resolve("inspection-0000.params")).isRegularFile();
        assertThat(dir.resolve("inspection.json")).isRegularFile();
        try (DefectClassifier c = DefectClassifier.load(dir, 1)) {
            List<Prediction> after = c.predict(images);
            for (int i = 0; i < images.size(); i++) {
                assertThat(after.get(i).label()).isEqualTo(before.get(i).label());
                assertThat(after.get(i).probabilities()).containsExactly(before.get(i).probabilities());
            }
            assertThat(c.descriptor().imageSize()).isEqualTo(32);
            assertThat(c.descriptor().metrics()).containsKeys("cvAccuracy", "trainingAccuracy");
            assertThat(c.descriptor().mean()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void sameSeedGivesSameModel() {
        List<GreyImage> images = InspectionImages.fromFolders(InspectionImagesTest.NEU, 32);
        double[] a;
        double[] b;
        try (DefectClassifier c = DefectClassifier.train(images, TINY, null)) {
            a = c.predict(images).get(3).probabilities();
        }
        try (DefectClassifier c = DefectClassifier.train(images, TINY, null)) {
            b = c.predict(images).get(3).probabilities();
        }
        assertThat(a).containsExactly(b);
    }

    @Test
    void loadingAnEmptyDirectoryNamesIt() {
        assertThatThrownBy(() -> DefectClassifier.load(dir, 1)).hasMessageContaining(dir.toString())
                .hasMessageContaining("inspection.json");
    }
}
