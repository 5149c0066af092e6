package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.scenarios.api.Scenarios;

class ExperimentHtmlTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static ExperimentResult supplyChain;
    private static ExperimentResult sweep;
    private static ExperimentResult grouped;

    @BeforeAll
    static void runExperiments() {
        // Two variants with a supply chain (stock charts), the warm-up detected (its chart and marker).
        supplyChain = ExperimentRunner.run(Experiment.of("stock", Scenarios.library("supply-chain"))
                .withVariants(List.of(Variant.of("base"),
                        Variant.of("fewer-trucks", PathOverride.of("fleets[0].trucks", 2))))
                .withHorizon("10d").withReplications(2)
                .withKpis(List.of("plant.throughputPerHour", "plant.wipMean"))
                .withAutoWarmup(new AutoWarmup("plant.wipMean", 2, 20)), 2, null);
        sweep = ExperimentRunner.run(Experiment.of("sweep", Scenarios.library("flowline5"))
                .withVariants(Sweep.grid(Sweep.factors(Map.of("lines[id=line].stations[*].buffer", List.of(1, 3, 5)))))
                .withCompare(false).withHorizon("1000m").withWarmup("100m").withReplications(2)
                .withKpis(List.of("plant.throughputPerHour", "plant.wipMean")), 2, null);
        // Two scenario groups of three (as generated scenarios give), scenario i of both with seed 1 + i.
        List<Variant> groups = new java.util.ArrayList<>();
        for (String g : List.of("parametric", "generated")) {
            for (int i = 0; i < 3; i++) {
                List<PathOverride> os = new java.util.ArrayList<>(List.of(PathOverride.of("seed", 1 + i)));
                if (g.equals("generated")) {
                    os.add(PathOverride.of("lines[id=line].stations[*].buffer", 1));
                }
                groups.add(new Variant(g + "-" + i, null, os, g));
            }
        }
        grouped = ExperimentRunner.run(Experiment.of("groups", Scenarios.library("flowline5")).withVariants(groups)
                .withCompare(false).withHorizon("1000m").withWarmup("100m").withReplications(2)
                .withKpis(List.of("plant.throughputPerHour", "plant.wipMean")), 2, null);
    }

    @Test
    void scenarioGroupsGetTheirDistributionsOnlyWhereThereAreGroups() {
        assertThat(grouped.distributions()).extracting(ScenarioDistribution::group)
                .containsExactly("parametric", "generated");
        assertThat(grouped.groupComparisons()).singleElement().satisfies(c -> {
            assertThat(c.variant()).isEqualTo("generated");
            assertThat(c.baseline()).isEqualTo("parametric");
            // Buffers of 1 lose throughput in every scenario.
            assertThat(c.difference("plant.throughputPerHour").verdict()).isEqualTo(Verdict.WORSE);
        });
        ScenarioDistribution.KpiDistribution t = grouped.distribution("generated").kpi("plant.throughputPerHour");
        assertThat(t.values()).containsExactly(grouped.variant("generated-0").summary("plant.throughputPerHour").mean(),
                grouped.variant("generated-1").summary("plant.throughputPerHour").mean(),
                grouped.variant("generated-2").summary("plant.throughputPerHour").mean());
        assertThat(ExperimentHtml.write(grouped)).contains("KPI distribution across scenarios", "distribution-charts")
                .doesNotContain("<h2>Sweep response</h2>");
        assertThat(ExperimentJson.write(grouped)).contains("\"distributions\"", "\"worstCase5\"");
        assertThat(ExperimentJson.write(sweep)).doesNotContain("\"distributions\"", "\"groupComparisons\"");
        assertThat(ExperimentHtml.write(sweep)).doesNotContain("KPI distribution across scenarios");
    }

    @Test
    void reportIsSelfContained() {
        String html = ExperimentHtml.write(sweep);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Chart.js v4.6.1", "Released under the MIT License",
                "id=\"plantwin-data\"", "Sweep response", "Gantt chart", "id=\"gantt-charts\"");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<link");
        // The only closing script tags are the three of the report's own elements.
        assertThat(html.split("</script>", -1)).hasSize(4);
    }

    @Test
    void reportHasInventoryAndWarmupOnlyWhereTheExperimentHasThem() {
        String stock = ExperimentHtml.write(supplyChain);
        assertThat(stock).contains("<h2>Inventory</h2>", "<h2>Warm-up</h2>", "<h2>Comparisons</h2>", "fewer-trucks")
                .doesNotContain("<h2>Sweep response</h2>");
        assertThat(ExperimentHtml.write(sweep)).doesNotContain("<h2>Inventory</h2>", "<h2>Warm-up</h2>",
                "<h2>Comparisons</h2>");
        assertThat(supplyChain.detail("base").inventory()).isNotEmpty();
        assertThat(supplyChain.detail("base").series()).isNotEmpty();
        // Stock over time and the Gantt chart's operations come from replication 0.
        assertThat(supplyChain.detail("base").series().get(0).onHandMean()).containsKeys("FG/A", "FG/B", "FG/C");
        assertThat(stock).contains("id=\"stock-charts\"", "id=\"gantt-charts\"");
        var ops = sweep.details().get(0).operations();
        assertThat(ops).hasSize(VariantDetail.GANTT_OPERATIONS);
        for (int i = 1; i < ops.size(); i++) {
            assertThat(ops.get(i).startMinutes()).isGreaterThanOrEqualTo(ops.get(i - 1).startMinutes());
        }
    }

    @Test
    void equalResultsGiveEqualBytes() {
        assertThat(ExperimentHtml.write(sweep)).isEqualTo(ExperimentHtml.write(sweep));
    }

    @Test
    void scriptTextCannotCloseItsElement() {
        assertThat(org.plantwin.twin.report.HtmlParts.scriptSafe("a</script><!-- b")).isEqualTo("a<\\/script><\\!-- b");
        assertThat(org.plantwin.twin.report.HtmlParts.esc("<b a=\"1\">&")).isEqualTo("&lt;b a=&quot;1&quot;&gt;&amp;");
    }

    /** Renders both reports in headless Chromium: every chart drew, and the console stayed silent. */
    @Test
    void chartsDrawInHeadlessChromium(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install -y chromium)");
        // sweep: KPIs 2 + responses 2 + states 3 + series 2; stock: KPIs 2 + states 2 + inventory 1 + series 2 + warm-up 1.
        assertDrawn(dir, "sweep", ExperimentHtml.write(sweep), 9);
        assertDrawn(dir, "stock", ExperimentHtml.write(supplyChain), 8);
        // groups: KPIs 2 + distributions 2 + states 6 + series 2.
        assertDrawn(dir, "groups", ExperimentHtml.write(grouped), 12);
    }

    private static void assertDrawn(Path dir, String name, String html, int atLeast) throws Exception {
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        Browser dom = chromium(dir, file, "--dump-dom");
        Matcher charts = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom.stdout());
        Matcher drawn = Pattern.compile("data-drawn=\"(\\d+)\"").matcher(dom.stdout());
        assertThat(charts.find()).as("data-charts in the DOM of %s; stderr: %s", name, dom.stderr()).isTrue();
        assertThat(drawn.find()).isTrue();
        assertThat(Integer.parseInt(charts.group(1))).isGreaterThanOrEqualTo(atLeast);
        assertThat(drawn.group(1)).isEqualTo(charts.group(1));
        assertThat(dom.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList()).as(name).isEmpty();
        Path png = Path.of("target", "report-" + name + ".png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        chromium(dir, file, "--screenshot=" + png, "--window-size=1280,3000", "--hide-scrollbars");
        assertThat(png).isNotEmptyFile();
    }

    record Browser(String stdout, String stderr) {
    }

    private static Browser chromium(Path dir, Path file, String... extra) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(file.toUri().toString());
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit; stderr: %s", Files.readString(err)).isZero();
        return new Browser(Files.readString(out), Files.readString(err));
    }
}
