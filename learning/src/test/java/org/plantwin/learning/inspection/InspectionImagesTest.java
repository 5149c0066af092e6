package org.plantwin.learning.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionImagesTest {

    static final Path NEU = Path.of("src/test/resources/inspection/neu");

    @TempDir
    Path dir;

    @Test
    void folderLayoutGivesClassesInNameOrder() {
        List<GreyImage> images = InspectionImages.fromFolders(NEU, 32);
        assertThat(images).hasSize(12);
        assertThat(images.get(0).file()).isEqualTo("crazing/crazing_1.jpg");
        assertThat(images.get(0).label()).isEqualTo("crazing");
        assertThat(images.get(11).label()).isEqualTo("scratches");
        for (GreyImage g : images) {
            assertThat(g.pixels()).hasSize(32 * 32);
            for (float p : g.pixels()) {
                assertThat(p).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void labelsFileMatchesFolderLayout() {
        List<GreyImage> byFolder = InspectionImages.fromFolders(NEU, 16);
        List<GreyImage> byCsv = InspectionImages.fromLabels(NEU.resolve("labels.csv"), NEU, 16);
        assertThat(byCsv).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(byCsv.get(i).label()).isEqualTo(byFolder.get(i).label());
            assertThat(byCsv.get(i).pixels()).containsExactly(byFolder.get(i).pixels());
        }
    }

    @Test
    void areaResizeAveragesBlocks() {
        // 4x4 -> 2x2: each output is the mean of a 2x2 block, divided by 255.
        float[] src = {0, 0, 255, 255, 0, 0, 255, 255, 51, 51, 0, 0, 51, 51, 0, 0};
        assertThat(InspectionImages.areaResize(src, 4, 4, 2)).containsExactly(0f, 1f, 0.2f, 0f);
    }

    @Test
    void missingImageNamesLineAndFile() throws Exception {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "path,label\ncrazing/crazing_1.jpg,crazing\nnope/x.jpg,patches\n");
        assertThatThrownBy(() -> InspectionImages.fromLabels(labels, NEU, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels.csv:3").hasMessageContaining("(nope/x.jpg)");
    }

    @Test
    void headerWithoutLabelColumnIsRejected() throws Exception {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "file,class\na.jpg,crazing\n");
        assertThatThrownBy(() -> InspectionImages.fromLabels(labels, NEU, 16))
                .hasMessageContaining("labels.csv:1").hasMessageContaining("(file,class)");
    }

    @Test
    void undecodableImageIsNamed() throws Exception {
        Path bad = dir.resolve("bad.jpg");
        Files.writeString(bad, "not a jpeg");
        assertThatThrownBy(() -> InspectionImages.read(bad, 16)).hasMessageContaining("bad.jpg");
    }

    @Test
    void augmentationIsSeededAndStaysInRange() {
        float[] src = InspectionImages.fromFolders(NEU, 32).get(0).pixels();
        ImageAugmenter a = ImageAugmenter.defaults();
        float[] x = a.apply(src, 32, new SplittableRandom(7));
        float[] y = a.apply(src, 32, new SplittableRandom(7));
        assertThat(x).containsExactly(y);
        assertThat(x).isNotEqualTo(src);
        for (float p : x) {
            assertThat(p).isBetween(0f, 1f);
        }
    }

    @Test
    void foldsAreStratified() {
        List<GreyImage> images = InspectionImages.fromFolders(NEU, 16);
        int[] folds = CrossValidation.folds(images, 2, 1);
        for (int c = 0; c < 6; c++) {
            assertThat(folds[2 * c] + folds[2 * c + 1]).as("one image of each class per fold").isEqualTo(1);
        }
    }
}
