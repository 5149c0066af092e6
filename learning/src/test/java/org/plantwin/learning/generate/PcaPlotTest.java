package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcaPlotTest {

    @Test
    void firstComponentOfPointsAlongADiagonalIsThatDiagonal() {
        // Points t * (1, 2, 2) / 3 + s * (2, -1, 0) / sqrt(5), t = -5..5 (var 10), each with s = +-0.5 so that t and s
        // are uncorrelated: the first axis is (1, 2, 2) / 3, the second (2, -1, 0) / sqrt(5).
        double[][] x = new double[22][];
        for (int i = 0; i < x.length; i++) {
            double t = i / 2 - 5;
            double s = i % 2 == 0 ? 0.5 : -0.5;
            x[i] = new double[] {t / 3 + 2 * s / Math.sqrt(5), 2 * t / 3 - s / Math.sqrt(5), 2 * t / 3};
        }
        double[][] axes = PcaPlot.principalAxes(x, 2);
        assertThat(axes[0]).containsExactly(new double[] {1.0 / 3, 2.0 / 3, 2.0 / 3}, within(1e-9));
        assertThat(axes[1]).containsExactly(new double[] {2 / Math.sqrt(5), -1 / Math.sqrt(5), 0}, within(1e-9));
    }

    @Test
    void principalAxesOfADiagonalCovarianceAreTheCoordinateAxesByVariance() {
        // Variances 1, 9, 4 (exactly, from +-1, +-3, +-2 patterns): axes e2, then e3.
        double[][] x = {{1, 3, 2}, {-1, -3, -2}, {1, -3, 2}, {-1, 3, -2}, {1, 3, -2}, {-1, -3, 2}, {1, -3, -2},
            {-1, 3, 2}};
        double[][] axes = PcaPlot.principalAxes(x, 2);
        assertThat(axes[0]).containsExactly(new double[] {0, 1, 0}, within(1e-9));
        assertThat(axes[1]).containsExactly(new double[] {0, 0, 1}, within(1e-9));
    }

    @Test
    void svgHoldsBothPointSets(@TempDir Path dir) throws Exception {
        Windows real = Sines.generate(1200, 12, 3, 1);
        Windows synth = Sines.generate(300, 12, 3, 2);
        Path file = dir.resolve("plots/pca.svg");
        PcaPlot.write(file, real, synth, 7);
        String svg = Files.readString(file);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(count(group(svg, "real"), "<circle ")).isEqualTo(PcaPlot.MAX_POINTS);
        assertThat(count(group(svg, "synthetic"), "<circle ")).isEqualTo(300);
        assertThat(svg).doesNotContain("NaN");
        assertThat(PcaPlot.svg(real, synth, 7)).isEqualTo(svg);
    }

    /** The text of the group {@code <g class="cls" ...>...</g>}. */
    static String group(String svg, String cls) {
        int from = svg.indexOf("<g class=\"" + cls + "\"");
        assertThat(from).as("group " + cls).isNotNegative();
        return svg.substring(from, svg.indexOf("</g>", from));
    }

    /** How often {@code what} occurs in {@code s}. */
    static long count(String s, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(s).results().count();
    }
}
