package org.plantwin.twin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.twin.cli.PlantwinCli;

class RunReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TEN_DAYS = TimeSpan.parse("10d").toMillis();

    private static SimulationRuntime runtime;
    private static Scenario supplyChain;
    private static RunResult plain;
    private static RunResult observed;

    @BeforeAll
    static void run() {
        runtime = SimulationRuntime.create(2);
        supplyChain = Scenarios.library("supply-chain");
        RunOptions options = RunOptions.defaults().withHorizonMillis(TEN_DAYS);
        plain = runtime.run(supplyChain, options);
        observed = runtime.run(supplyChain, RunReport.observe(options, TEN_DAYS));
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void observingDoesNotChangeTheKpis() {
        assertThat(observed.batches()).hasSize(RunReport.BATCHES);
        assertThat(observed.batches().get(0).endMinutes()).isEqualTo(72.0); // 10 d / 200 = 72 min
        assertThat(observed.operations()).isNotEmpty();
        assertThat(observed.trips()).isNotEmpty();
        assertThat(observed.plant()).isEqualTo(plain.plant());
        assertThat(observed.machines()).isEqualTo(plain.machines());
        assertThat(observed.supplyChain()).isEqualTo(plain.supplyChain());
        assertThat(observed.fleets()).isEqualTo(plain.fleets());
    }

    @Test
    void batchesAreAWholeNumberOfMinutesAndAtLeastOne() {
        assertThat(RunReport.observe(RunOptions.defaults(), 1000).batchMillis()).isEqualTo(60_000);
        assertThat(RunReport.observe(RunOptions.defaults(), 30 * 60_000L * 200 + 7).batchMillis())
                .isEqualTo(30 * 60_000L);
        assertThatThrownBy(() -> RunReport.observe(RunOptions.defaults(), 0)).hasMessageContaining("(0 ms)");
    }

    @Test
    void reportDataHasOnePolylinePerTracedTripFromDepotBackToDepot() throws Exception {
        String html = RunReport.html(supplyChain, observed);
        JsonNode data = data(html);
        JsonNode trips = data.get("trips");
        int expected = Math.min(RunReport.MAP_TRIPS, observed.trips().size());
        assertThat(trips.size()).isEqualTo(expected);
        for (int i = 0; i < trips.size(); i++) {
            JsonNode points = trips.get(i).get("points");
            RunResult.Trip t = observed.trips().stream()
                    .sorted(java.util.Comparator.comparingDouble(RunResult.Trip::departMinutes)).toList().get(i);
            assertThat(points.size()).isEqualTo(t.stops().size() + 2);
            assertThat(points.get(0).get("name").asText()).isEqualTo(t.depot());
            assertThat(points.get(points.size() - 1).get("x").asDouble()).isEqualTo(t.depotX());
            assertThat(points.get(1).get("name").asText()).isEqualTo(t.stops().get(0).customer());
        }
        // Every site is on the map, labelled with what stands there.
        JsonNode sites = data.get("sites");
        assertThat(sites.size()).isEqualTo(supplyChain.sites().size());
        List<String> labels = new ArrayList<>();
        sites.forEach(s -> labels.add(s.get("kind").asText() + ":" + s.get("label").asText()));
        assertThat(labels).contains("warehouse:FG (dc)", "site:plant").anyMatch(l -> l.startsWith("supplier:"))
                .filteredOn(l -> l.startsWith("customer:")).hasSize(12);
        assertThat(html).contains("<h2>Route map</h2>", "<h2>Gantt chart</h2>", "<h2>Stock over time</h2>",
                "<h3>Supply chain</h3>", "<h3>Machines</h3>", "Chart.js v4.6.1", "id=\"routes\"");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<link");
        assertThat(html.split("</script>", -1)).hasSize(5); // data, Chart.js, run-charts.js, boot
        assertThat(data.get("operations").size()).isEqualTo(
                Math.min(RunReport.GANTT_OPERATIONS, observed.operations().size()));
        assertThat(data.get("planned").size()).isZero();
        assertThat(RunReport.html(supplyChain, observed)).isEqualTo(html);
    }

    @Test
    void aPlanGivesPlannedRows() throws Exception {
        RunResult.Operation first = observed.operations().get(0);
        List<RunReport.PlannedOperation> plan = List.of(new RunReport.PlannedOperation(first.machine(),
                first.product(), first.partId(), first.startMinutes(), first.endMinutes() + 5));
        String html = RunReport.html(supplyChain, observed, plan);
        assertThat(data(html).get("planned").get(0).get("machine").asText()).isEqualTo(first.machine());
        assertThat(html).contains("planned row");
        assertThatThrownBy(() -> new RunReport.PlannedOperation("M1", "A", 3, 10, 5))
                .hasMessageContaining("(5.0)").hasMessageContaining("(10.0)");
    }

    @Test
    void aPlantWithoutSitesHasNoRouteMap() {
        Scenario mm1 = Scenarios.library("mm1");
        RunOptions o = RunOptions.defaults().withHorizonMillis(600_000L * 60);
        RunResult r = runtime.run(mm1, RunReport.observe(o, RunReport.horizonMillis(mm1, o)));
        String html = RunReport.html(mm1, r);
        assertThat(html).doesNotContain("<h2>Route map</h2>", "<h2>Stock over time</h2>").contains("<h2>Gantt chart</h2>");
    }

    @Test
    void runWithReportWritesReportHtmlBesideResultJson(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlantwinCli.execute(new String[] {"run", "supply-chain", "--horizon", "5d", "--report", "--quiet",
            "--out", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Report: " + dir.resolve("report.html"));
        assertThat(dir.resolve("report.html")).content().contains("<h2>Route map</h2>", "Run supply-chain");
        RunResult r = ResultJson.read(Files.readString(dir.resolve("result.json")));
        assertThat(r.batches()).hasSize(RunReport.BATCHES);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
        // Without --report: no report, no traces.
        Path other = dir.resolve("plain");
        PlantwinCli.execute(new String[] {"run", "mm1", "--horizon", "100m", "--quiet", "--out", other.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(other.resolve("report.html")).doesNotExist();
        assertThat(ResultJson.read(Files.readString(other.resolve("result.json"))).batches()).isEmpty();
    }

    /** The report in headless Chromium: every chart drew, one line per trip, and the console stayed silent. */
    @Test
    void chartsDrawInHeadlessChromium(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install -y chromium)");
        RunResult.Operation first = observed.operations().get(0);
        String html = RunReport.html(supplyChain, observed, List.of(new RunReport.PlannedOperation(first.machine(),
                first.product(), first.partId(), first.startMinutes(), first.endMinutes())));
        Path file = dir.resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        Browser dom = chromium(dir, file, "--dump-dom");
        int charts = attribute(dom, "data-charts");
        // states 1 + series 2 + stock 3 (FG/A, FG/B, FG/C) + Gantt 1 + routes 1
        assertThat(charts).isEqualTo(8);
        assertThat(attribute(dom, "data-drawn")).isEqualTo(charts);
        assertThat(attribute(dom, "data-route-lines")).isEqualTo(Math.min(RunReport.MAP_TRIPS, observed.trips().size()));
        assertThat(dom.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList()).isEmpty();
        Path png = Path.of("target", "run-report-supply-chain.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        chromium(dir, file, "--screenshot=" + png, "--window-size=1280,4200", "--hide-scrollbars");
        assertThat(png).isNotEmptyFile();
    }

    private static JsonNode data(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"plantwin-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return JsonMapper.builder().build().readTree(m.group(1).replace("<\\/", "</"));
    }

    private static int attribute(Browser dom, String name) {
        Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom.stdout());
        assertThat(m.find()).as("%s in the DOM; stderr: %s", name, dom.stderr()).isTrue();
        return Integer.parseInt(m.group(1));
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
