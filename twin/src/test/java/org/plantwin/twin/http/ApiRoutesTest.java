package org.plantwin.twin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;

/** The HTTP API on a real server on a free local port, driven by the JDK's HTTP client. */
class ApiRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TESTDATA = Path.of("src/test/resources");
    private static PlantwinServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(2).withMaxJobs(4)
                .withMaxBodyBytes(64 * 1024));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(PlantwinServer s, String method, String path, String body, String contentType,
                                     String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(server, "GET", path, null, null, headers);
    }

    private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return send(server, "POST", path, body, contentType);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isEqualTo(ApiProblem.TYPE_PREFIX + type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
    }

    /** Polls a job until it has ended; bounded. */
    static JsonNode awaitEnd(PlantwinServer s, String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode st = JSON.readTree(send(s, "GET", location, null, null).body());
            String status = st.get("status").asText();
            if (Set.of("succeeded", "failed", "cancelled").contains(status)) {
                return st;
            }
            assertThat(System.nanoTime()).as("job %s still %s", location, status).isLessThan(deadline);
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    @Test
    void healthLibraryScenarioAndSchema() throws Exception {
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("up");
        JsonNode lib = json(get("/scenarios"));
        List<String> names = new ArrayList<>();
        lib.forEach(n -> names.add(n.get("name").asText()));
        assertThat(names).isEqualTo(Scenarios.libraryNames());
        JsonNode mm1 = json(get("/scenarios/mm1"));
        assertThat(mm1.get("yaml").asText()).contains("name: mm1");
        assertThat(mm1.get("scenario").get("machines").get(0).get("id").asText()).isEqualTo("M1");
        HttpResponse<String> yaml = get("/scenarios/mm1", "Accept", "application/yaml");
        assertThat(yaml.body()).startsWith("name: mm1");
        assertThat(json(get("/schema")).has("properties")).isTrue();
        assertProblem(get("/scenarios/mm2"), 404, "not-found");
        assertThat(json(get("/scenarios/mm2")).get("detail").asText()).contains("Maybe you meant \"mm1\"");
    }

    @Test
    void runStartedWithReportServesTheReportAndItsDataWithUnchangedKpis() throws Exception {
        String body = "{\"library\": \"supply-chain\", \"horizon\": \"3d\", \"report\": true}";
        HttpResponse<String> started = post("/runs", body, "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(json(started).get("links").get("report").asText()).isEqualTo(location + "/report");
        assertThat(awaitEnd(server, location).get("status").asText()).isEqualTo("succeeded");
        HttpResponse<String> html = get(location + "/report");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("<h2>Route map</h2>", "<h2>Gantt chart</h2>", "Chart.js v4.6.1");
        JsonNode data = json(get(location + "/report?format=json"));
        assertThat(data.get("series").size()).isBetween(195, 205); // 3 d / 200, rounded to 22 min
        assertThat(data.get("trips").size()).isPositive();
        assertThat(data.get("sites").size()).isEqualTo(15);
        assertThat(data.get("operations").size()).isPositive();
        // The traces only observe: the same run without a report has the same KPIs.
        HttpResponse<String> plain = post("/runs", body.replace("true", "false"), "application/json");
        String plainAt = plain.headers().firstValue("Location").orElseThrow();
        awaitEnd(server, plainAt);
        JsonNode a = json(get(location + "/result"));
        JsonNode b = json(get(plainAt + "/result"));
        assertThat(a.get("plant")).isEqualTo(b.get("plant"));
        assertThat(a.get("supplyChain")).isEqualTo(b.get("supplyChain"));
        assertThat(b.get("batches").size()).isZero();
        assertThat(json(plain).get("links").has("report")).isFalse();
        assertProblem(get(plainAt + "/report"), 409, "no-report");
        assertProblem(get(location + "/report?format=pdf"), 400, "invalid-request");
        assertProblem(post("/runs", body.replace("true", "\"yes\""), "application/json"), 400, "invalid-request");
        assertProblem(get("/runs/0123456789abcdef/report"), 404, "not-found");
    }

    @Test
    void validateReportsTheSameProblemsAsTheCli() throws Exception {
        String bad = Files.readString(TESTDATA.resolve("testdata/bad-plant.yaml"));
        List<Problem> expected;
        try {
            Scenarios.parse(bad, "x");
            throw new AssertionError("bad-plant.yaml should be invalid");
        } catch (ScenarioException e) {
            expected = e.problems();
        }
        JsonNode v = json(post("/scenarios/validate", bad, "application/yaml"));
        assertThat(v.get("valid").asBoolean()).isFalse();
        List<Problem> got = new ArrayList<>();
        v.get("problems").forEach(p -> got.add(new Problem(p.get("path").asText(), p.get("value").asText(),
                p.get("rule").asText(), p.get("hint").asText())));
        assertThat(got).isEqualTo(expected);
        JsonNode ok = json(post("/scenarios/validate", Files.readString(TESTDATA.resolve(
                "testdata/experiments/small-mm1.yaml")), "application/yaml"));
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("problems")).isEmpty();
        // Invalid scenarios posted as runs are 400 problem documents with the same problems.
        HttpResponse<String> run = post("/runs", bad, "application/yaml");
        assertProblem(run, 400, "invalid-scenario");
        assertThat(json(run).get("problems").get(0).get("path").asText()).isEqualTo(expected.get(0).path());
    }

    @Test
    void runsALibraryScenarioToTheSameResultAsTheJavaApi() throws Exception {
        HttpResponse<String> started = post("/runs", "{\"library\": \"flowline5\", \"horizon\": \"3000m\", \"seed\": 7}",
                "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/runs/" + json(started).get("id").asText());
        JsonNode end = awaitEnd(server, location);
        assertThat(end.get("status").asText()).isEqualTo("succeeded");
        assertThat(end.get("progress").asDouble()).isEqualTo(1.0);
        String expected;
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            expected = ResultJson.write(runtime.run(Scenarios.library("flowline5"),
                    RunOptions.defaults().withSeed(7).withHorizonMillis(3000 * 60_000L)));
        }
        assertThat(get(location + "/result").body()).isEqualTo(expected);
        HttpResponse<String> csv = get(location + "/result?format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("kpi,value\nplant.partsOut,");
        assertThat(get(location + "/result", "Accept", "text/csv").body()).isEqualTo(csv.body());
        assertProblem(get(location + "/result?format=xml"), 400, "invalid-request");
    }

    @Test
    void streamsProgressThenTheResultAsServerSentEvents() throws Exception {
        HttpResponse<String> started = post("/runs?horizon=200000m", Files.readString(TESTDATA.resolve(
                "testdata/experiments/small-mm1.yaml")), "application/yaml");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + location + "/events"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        String resultData = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    data = line.substring(5);
                } else if (line.startsWith("event:")) {
                    String name = line.substring(6);
                    events.add(name);
                    if (name.equals("result")) {
                        resultData = data;
                    }
                }
            }
        }
        assertThat(events).isNotEmpty().endsWith("result", "end");
        assertThat(events.subList(0, events.size() - 2)).containsOnly("progress");
        assertThat(JSON.readTree(resultData).get("plant").get("partsOut").asLong()).isPositive();
    }

    @Test
    void cancelsARunAndFreesItsSlot() throws Exception {
        HttpResponse<String> started = post("/runs?horizon=100000000m", "{\"library\": \"mm1\"}", "application/json");
        String location = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> cancelled = send(server, "DELETE", location, null, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("cancelled");
        assertProblem(get(location + "/result"), 409, "not-finished");
        assertThat(json(send(server, "DELETE", location, null, null)).get("status").asText()).isEqualTo("cancelled");
        assertProblem(send(server, "DELETE", "/runs/0123456789abcdef", null, null), 404, "not-found");
    }

    @Test
    void rejectsBadRequestsWithProblemDocuments() throws Exception {
        assertProblem(post("/runs", "{\"library\": \"flowline5\",", "application/json"), 400, "malformed-json");
        HttpResponse<String> unknown = post("/runs", "{\"library\": \"flowline5\", \"horizn\": \"1h\"}", "application/json");
        assertProblem(unknown, 400, "invalid-request");
        assertThat(json(unknown).get("problems").get(0).get("path").asText()).isEqualTo("$.horizn");
        assertThat(json(unknown).get("problems").get(0).get("hint").asText()).isEqualTo("Maybe you meant \"horizon\".");
        HttpResponse<String> wrongType = post("/runs", "{\"library\": \"flowline5\", \"seed\": \"seven\"}", "application/json");
        assertProblem(wrongType, 400, "invalid-request");
        assertThat(json(wrongType).get("problems").get(0).get("path").asText()).isEqualTo("$.seed");
        assertProblem(post("/runs", "{\"library\": \"../../etc/passwd\"}", "application/json"), 400, "invalid-request");
        assertProblem(post("/runs?horizon=soon", "{\"library\": \"mm1\"}", "application/json"), 400, "invalid-request");
        assertProblem(post("/runs", "x".repeat(70 * 1024), "application/yaml"), 413, "payload-too-large");
        assertProblem(get("/runs/nope"), 404, "not-found");
        assertProblem(get("/experiments/nope/result"), 404, "not-found");
        assertProblem(get("/no/such/route"), 404, "not-found");
        assertProblem(send(server, "PUT", "/runs", "{}", "application/json"), 405, "method-not-allowed");
        assertProblem(post("/plans/tsp", "1 2", "text/plain"), 404, "not-found");
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("up");
    }

    @Test
    void neverReadsServerFilesNamedByAScenarioOrAnOverride() throws Exception {
        String scenario = Scenarios.libraryNames().contains("supply-chain")
                ? org.plantwin.scenarios.library.ScenarioLibrary.text("supply-chain") : null;
        assertThat(scenario).isNotNull();
        String withFile = scenario.replaceFirst("- \\{product: C, interarrival: \\{type: exponential, mean: 1d\\},"
                + " quantity: \\{type: poisson, mean: 3\\}\\}", "- {product: C, series: {file: /etc/passwd, period: 1d}}");
        assertThat(withFile).isNotEqualTo(scenario);
        HttpResponse<String> run = post("/runs", withFile, "application/yaml");
        assertProblem(run, 400, "invalid-scenario");
        JsonNode problem = json(run).get("problems").get(0);
        assertThat(problem.get("path").asText()).isEqualTo("$.customers[0].demand[2].series.file");
        assertThat(run.body()).doesNotContain("root:");
        JsonNode v = json(post("/scenarios/validate", withFile, "application/yaml"));
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("problems").get(0).get("path").asText()).isEqualTo("$.customers[0].demand[2].series.file");
        String exp = "name: e\nbase: supply-chain\nreplications: 2\nvariants:\n  - name: a\n  - name: b\n"
                + "    overrides:\n      customers[0].demand[0].series: {file: ../../etc/passwd, period: 1d}\n";
        HttpResponse<String> e = post("/experiments", exp, "application/yaml");
        assertProblem(e, 400, "invalid-experiment");
        assertThat(json(e).get("problems").get(0).get("path").asText())
                .isEqualTo("$.variants[1].overrides.customers[0].demand[0].series");
        HttpResponse<String> direct = post("/experiments", exp.replace("series: {file: ../../etc/passwd, period: 1d}",
                "series.file: /etc/passwd"), "application/yaml");
        assertProblem(direct, 400, "invalid-experiment");
    }

    @Test
    void plansAJobShopAndNamesTheLineOfABadInstance() throws Exception {
        String ft06 = Files.readString(TESTDATA.resolve("plan/jssp/ft06.txt"));
        HttpResponse<String> r = post("/plans/jssp?iterations=20000&seed=1&name=ft06", ft06, "text/plain");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode plan = json(r);
        assertThat(plan.get("makespan").asLong()).isEqualTo(55);
        assertThat(plan.get("valid").asBoolean()).isTrue();
        assertThat(plan.get("file").asText()).isEqualTo("ft06.txt");
        String body = JSON.createObjectNode().put("instance", "2 2\n0 3 1 x\n1 2 0 4\n").put("time", "2s").toString();
        HttpResponse<String> bad = post("/plans/jssp", body, "application/json");
        assertProblem(bad, 400, "invalid-instance");
        assertThat(json(bad).get("detail").asText()).startsWith("instance.txt:2:").contains("(x)");
        assertProblem(post("/plans/jssp?time=10m", ft06, "text/plain"), 400, "invalid-request");
        assertProblem(post("/plans/jssp", "{\"instance\": \"1 1\", \"budget\": 3}", "application/json"), 400,
                "invalid-request");
    }

    @Test
    void runsAnExperimentOnALibraryBaseOnly() throws Exception {
        String exp = "name: e\nbase: mm1\nhorizon: 2000m\nwarmup: 100m\nreplications: 3\n"
                + "kpis: [plant.throughputPerHour]\nvariants:\n  - name: a\n  - name: b\n    overrides:\n"
                + "      sources[*].interarrival.mean: 2m\n";
        HttpResponse<String> started = post("/experiments", exp, "application/yaml");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/experiments/");
        JsonNode end = awaitEnd(server, location);
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("succeeded");
        assertThat(end.get("completedRuns").asInt()).isEqualTo(6);
        JsonNode result = json(get(location + "/result"));
        assertThat(result.get("name").asText()).isEqualTo("e");
        assertThat(get(location + "/result?format=csv").body()).startsWith("variant");
        HttpResponse<String> file = post("/experiments", exp.replace("base: mm1", "base: /etc/passwd"),
                "application/yaml");
        assertProblem(file, 400, "invalid-request");
        assertThat(json(file).get("problems").get(0).get("path").asText()).isEqualTo("$.base");
        HttpResponse<String> typo = post("/experiments", exp.replace("replications: 3", "replicatons: 3"),
                "application/yaml");
        assertProblem(typo, 400, "invalid-experiment");
        assertProblem(post("/experiments", exp.replace("replications: 3", "replications: 100000"),
                "application/yaml"), 400, "invalid-request");
        assertProblem(post("/runs/" + json(started).get("id").asText(), "", null), 405, "method-not-allowed");
    }

    @Test
    void openApiDescribesEveryRouteAndNothingElse() throws Exception {
        JsonNode doc = json(get("/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        Iterator<String> paths = doc.get("paths").fieldNames();
        while (paths.hasNext()) {
            String p = paths.next();
            doc.get("paths").get(p).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(ApiRoutes.ROUTES));
        // Every documented route is served: none answers "no such route".
        for (String route : ApiRoutes.ROUTES) {
            String[] mp = route.split(" ");
            String path = mp[1].replace("{name}", "mm1").replace("{id}", "0123456789abcdef");
            HttpResponse<String> r = send(server, mp[0], path, mp[0].equals("POST") ? "{}" : null,
                    mp[0].equals("POST") ? "application/json" : null);
            if (r.statusCode() == 404) {
                assertThat(json(r).get("detail").asText()).as(route).doesNotContain("no such route");
            }
            assertThat(r.statusCode()).as(route + " " + r.body()).isNotIn(405, 500);
        }
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        get("/health");
        String text = get("/metrics").body();
        assertThat(text).contains("plantwin_http_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}")
                .contains("plantwin_jobs_active").contains("jvm_memory_used_bytes");
    }

    @Test
    void servesTheDashboardAndRefusesPathTraversal() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>plantwin");
        assertThat(get("/dashboard/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard/vendor/chart.umd.js").statusCode()).isEqualTo(200);
        for (String p : List.of("/dashboard/../logback.xml", "/dashboard/%2e%2e/logback.xml",
                "/dashboard/..%2flogback.xml", "/dashboard/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/scenarios/..%2f..%2fpom.xml")) {
            HttpResponse<String> r = get(p);
            assertThat(r.statusCode()).as(p).isIn(400, 404);
            assertThat(r.body()).as(p).doesNotContain("<configuration>").doesNotContain("root:");
        }
    }

    @Test
    void aTokenProtectsTheApiButNotHealthOrTheDashboard() throws Exception {
        try (PlantwinServer s = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                .withToken("s3cret"))) {
            assertThat(send(s, "GET", "/health", null, null).statusCode()).isEqualTo(200);
            assertThat(send(s, "GET", "/", null, null).statusCode()).isEqualTo(200);
            HttpResponse<String> none = send(s, "GET", "/scenarios", null, null);
            assertProblem(none, 401, "unauthorized");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"plantwin\"");
            assertThat(send(s, "GET", "/scenarios", null, null, "Authorization", "Bearer wrong").statusCode())
                    .isEqualTo(401);
            assertThat(send(s, "GET", "/scenarios", null, null, "Authorization", "Bearer s3cret").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void serveRefusesAMissingOrEmptyTokenFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.plantwin.twin.cli.PlantwinCli.execute(new String[] {"serve", "--port", "0", "--token-file",
                dir.resolve("missing").toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the token file").contains("missing");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        err.getBuffer().setLength(0);
        code = org.plantwin.twin.cli.PlantwinCli.execute(new String[] {"serve", "--port", "0", "--token-file",
                empty.toString()}, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is empty");
    }

    @Test
    void aFullPoolAnswers429WithRetryAfter() throws Exception {
        try (PlantwinServer s = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                .withMaxJobs(1))) {
            HttpResponse<String> first = send(s, "POST", "/runs?horizon=100000000m", "{\"library\": \"mm1\"}",
                    "application/json");
            assertThat(first.statusCode()).isEqualTo(202);
            HttpResponse<String> second = send(s, "POST", "/runs", "{\"library\": \"mm1\"}", "application/json");
            assertProblem(second, 429, "too-many-jobs");
            assertThat(second.headers().firstValue("Retry-After")).hasValue("2");
            String location = first.headers().firstValue("Location").orElseThrow();
            assertThat(send(s, "DELETE", location, null, null).statusCode()).isEqualTo(200);
            HttpResponse<String> third = send(s, "POST", "/runs?horizon=100m", "{\"library\": \"mm1\"}",
                    "application/json");
            assertThat(third.statusCode()).as(third.body()).isEqualTo(202);
            assertThat(awaitEnd(s, third.headers().firstValue("Location").orElseThrow()).get("status").asText())
                    .isEqualTo("succeeded");
        }
    }
}
