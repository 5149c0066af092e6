package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsnePlotTest {

    @Test
    void eachConditionalRowHasThePerplexityAsked() {
        SplittableRandom r = new SplittableRandom(1);
        double[] dist = new double[60];
        for (int j = 0; j < dist.length; j++) {
            dist[j] = 50 * r.nextDouble();
        }
        for (double perplexity : new double[] {5, 20, 40}) {
            double[] p = TsnePlot.conditionalRow(dist, 3, perplexity);
            assertThat(p[3]).isZero();
            double sum = 0;
            double entropy = 0;
            for (double v : p) {
                sum += v;
                entropy -= v > 0 ? v * Math.log(v) : 0;
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
            assertThat(Math.exp(entropy)).as("perplexity").isCloseTo(perplexity, within(1e-3 * perplexity));
        }
    }

    @Test
    void twoDistantClustersStayApartAndTheSameSeedGivesTheSameEmbedding() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = new double[120][6];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 6; k++) {
                x[i][k] = (i < 60 ? 0 : 8) + r.nextDouble();
            }
        }
        double[][] y = TsnePlot.embed(x, 20, 400, 5);
        for (int i = 0; i < y.length; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            assertThat(nearest < 60).as("cluster of the nearest neighbour of point " + i).isEqualTo(i < 60);
        }
        // The clusters are apart: the gap between their centres exceeds the spread inside them several times.
        double[] c0 = centre(y, 0, 60);
        double[] c1 = centre(y, 60, 120);
        double gap = Math.hypot(c0[0] - c1[0], c0[1] - c1[1]);
        assertThat(gap).isGreaterThan(3 * spread(y, 0, 60, c0)).isGreaterThan(3 * spread(y, 60, 120, c1));
        assertThat(TsnePlot.embed(x, 20, 400, 5)).isDeepEqualTo(y);
        assertThatThrownBy(() -> TsnePlot.embed(new double[][] {{1}}, 1, 10, 1)).hasMessageContaining("2 points");
    }

    @Test
    void svgHoldsBothPointSets(@TempDir Path dir) throws Exception {
        Windows real = Sines.generate(150, 12, 3, 1);
        Windows synth = Sines.generate(90, 12, 3, 2);
        Path file = dir.resolve("plots/tsne.svg");
        TsnePlot.write(file, real, synth, 7);
        String svg = Files.readString(file);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains("t-SNE of feature-averaged windows: real 150 (red), synthetic 90 (blue)").contains("x-tsne");
        assertThat(PcaPlotTest.count(PcaPlotTest.group(svg, "real"), "<circle ")).isEqualTo(150);
        assertThat(PcaPlotTest.count(PcaPlotTest.group(svg, "synthetic"), "<circle ")).isEqualTo(90);
        assertThat(svg).doesNotContain("NaN");
        assertThat(TsnePlot.svg(real, synth, 7)).isEqualTo(svg);
    }

    private static double[] centre(double[][] y, int from, int to) {
        double[] c = new double[2];
        for (int i = from; i < to; i++) {
            c[0] += y[i][0] / (to - from);
            c[1] += y[i][1] / (to - from);
        }
        return c;
    }

    private static double spread(double[][] y, int from, int to, double[] c) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += Math.hypot(y[i][0] - c[0], y[i][1] - c[1]) / (to - from);
        }
        return s;
    }
}
