package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.test.HttpClientSupport.assertProblem;
import static org.plantwin.test.HttpClientSupport.assertProblemDocument;
import static org.plantwin.test.HttpClientSupport.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.twin.cli.PlantwinCli;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;

/** The HTTP service end to end: a real server on a free local port, driven over HTTP like any client. */
class HttpApiIT {

    private static PlantwinServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(2).withMaxJobs(4)
                .withMaxBodyBytes(256 * 1024));
        http = new HttpClientSupport(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void validatesThenRunsALibraryScenarioByteForByteLikeTheCli() throws Exception {
        String yaml = http.send("GET", "/scenarios/demo", null, null).statusCode() == 200
                ? json(http.get("/scenarios/demo")).get("yaml").asText() : null;
        JsonNode v = json(http.post("/scenarios/validate", yaml, "application/yaml"));
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
        HttpResponse<String> started = http.post("/runs", yaml.replace("horizon: 30d", "horizon: 3d"),
                "application/yaml");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode end = http.awaitEnd(location);
        assertThat(end.get("status").asText()).isEqualTo("succeeded");
        String viaHttp = http.get(location + "/result").body();
        StringWriter out = new StringWriter();
        assertThat(PlantwinCli.execute(new String[] {"run", "demo", "--horizon", "3d", "--json", "--out",
                "target/http-it-demo"}, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
        assertThat(viaHttp).isEqualTo(out.toString());
        String csv = http.get(location + "/result?format=csv").body();
        assertThat(csv.lines().findFirst()).hasValue("kpi,value");
        assertThat(csv).contains("machines[G-P1].oee,");
    }

    @Test
    void streamsProgressAndTheFinalKpisAsServerSentEvents() throws Exception {
        HttpResponse<String> started = http.post("/runs", "{\"library\": \"mm1\", \"horizon\": \"300000m\"}",
                "application/json");
        String location = started.headers().firstValue("Location").orElseThrow();
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + location + "/events"))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<InputStream> r = http.client().send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> names = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String pending = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    pending = line.substring(5);
                } else if (line.startsWith("event:")) {
                    names.add(line.substring(6));
                    data.add(HttpClientSupport.JSON.readTree(pending));
                }
            }
        }
        assertThat(names).endsWith("result", "end");
        assertThat(names.subList(0, names.size() - 2)).containsOnly("progress");
        double last = -1;
        for (int i = 0; i < names.size() - 2; i++) {
            double p = data.get(i).get("progress").asDouble();
            assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(last);
            last = p;
        }
        assertThat(data.get(names.size() - 2).get("plant").get("partsOut").asLong()).isPositive();
        assertThat(data.get(names.size() - 1).get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void answersBadInputWithProblemDocumentsAndNever500() throws Exception {
        assertProblem(http.get("/runs/0123456789abcdef"), 404);
        assertProblem(http.get("/experiments/0123456789abcdef/result"), 404);
        assertProblem(http.get("/scenarios/nope"), 404);
        assertProblem(http.get("/nope"), 404);
        assertProblem(http.post("/runs", "{\"library\": \"mm1\"", "application/json"), 400);
        assertProblem(http.post("/runs", "{\"library\": \"mm1\", \"sead\": 1}", "application/json"), 400);
        assertProblem(http.post("/runs", "{\"library\": 5}", "application/json"), 400);
        assertProblem(http.post("/runs", "{\"library\": \"mm1\", \"replication\": -1}", "application/json"), 400);
        assertProblem(http.post("/runs", "[1, 2, 3]", "application/json"), 400);
        assertProblem(http.post("/runs", "", "application/yaml"), 400);
        assertProblem(http.post("/runs", "\u0000\u0001\u0002binary\uFFFD", "application/octet-stream"), 400);
        assertProblem(http.post("/runs", "[".repeat(5000), "application/json"), 400);
        // Deep nesting must be a problem, not a StackOverflowError (fatal to the server's actor system).
        assertProblem(http.post("/runs", "[".repeat(200_000), "application/yaml"), 400);
        assertProblem(http.post("/runs", "{a: ".repeat(50_000), "application/yaml"), 400);
        assertProblem(http.post("/runs", "- ".repeat(50_000) + "x", "application/yaml"), 400);
        assertProblem(http.post("/runs", "{\"a\":".repeat(50_000), "text/plain"), 400);
        assertThat(http.post("/scenarios/validate", "[".repeat(200_000), "application/yaml").statusCode())
                .isEqualTo(200);
        assertProblem(http.post("/experiments", "[".repeat(200_000), "application/yaml"), 400);
        assertProblem(http.post("/plans/jssp?time=1s", "[".repeat(200_000), "application/json"), 400);
        String bomb = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        assertThat(http.post("/scenarios/validate", bomb, "application/yaml").statusCode()).isEqualTo(200);
        assertProblem(http.post("/runs", bomb, "application/yaml"), 400);
        assertProblem(http.post("/scenarios/validate", "x".repeat(300 * 1024), "application/yaml"), 413);
        assertProblem(http.post("/plans/jssp", "{\"instance\": \"2 2\\n0 1\", \"time\": \"1s\", \"nme\": 1}",
                "application/json"), 400);
        assertProblem(http.post("/plans/jssp?time=1s", "2 2\n0 1 1\n", "text/plain"), 400);
        assertProblem(http.post("/experiments", "name: e\nbase: mm1\nreplications: 1\n", "application/yaml"), 400);
        assertProblem(http.post("/experiments", "{\"name\": \"e\"}", "application/json"), 400);
        assertProblem(http.send("PATCH", "/runs", "{}", "application/json"), 405);
        assertThat(json(http.get("/health")).get("status").asText()).isEqualTo("up");
    }

    @Test
    void refusesPathTraversalInEveryFileLikeArgument() throws Exception {
        for (String p : List.of("/dashboard/../../pom.xml", "/dashboard/%2e%2e/%2e%2e/pom.xml",
                "/dashboard/..%2f..%2fpom.xml", "/dashboard/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/scenarios/..%2f..%2f..%2fetc%2fpasswd", "/scenarios/%2e%2e", "/runs/..%2f..%2fetc%2fpasswd/result",
                "/plans/..%2fjssp")) {
            HttpResponse<String> r = http.get(p);
            if (r.statusCode() == 200) {
                // A dot-dot segment may resolve within the URL itself (/scenarios/.. is /): never outside it.
                assertThat(r.body()).as(p).contains("<title>plantwin dashboard</title>");
            } else {
                assertThat(r.statusCode()).as(p).isIn(400, 404, 405);
            }
            assertThat(r.body()).as(p).doesNotContain("root:x:").doesNotContain("<project");
        }
        for (String library : List.of("../../etc/passwd", "/etc/passwd", "..", "mm1/../../pom.xml",
                "scenarios/src/main/resources/scenarios/mm1.yaml")) {
            JsonNode p = assertProblem(http.post("/runs", HttpClientSupport.JSON.createObjectNode()
                    .put("library", library).toString(), "application/json"), 400);
            assertThat(p.get("problems").get(0).get("path").asText()).isEqualTo("$.library");
        }
        for (String base : List.of("../../pom.xml", "/etc/passwd", "../scenarios/src/main/resources/scenarios/mm1.yaml")) {
            JsonNode p = assertProblem(http.post("/experiments", "name: e\nbase: \"" + base + "\"\nreplications: 2\n",
                    "application/yaml"), 400);
            assertThat(p.get("problems").get(0).get("path").asText()).isEqualTo("$.base");
        }
        assertProblem(http.post("/plans/jssp?name=..%2F..%2Fetc%2Fpasswd&time=1s", "2 2\n0 1 1 1\n0 1 1 1\n",
                "text/plain"), 400);
        assertProblem(http.post("/runs", json(http.get("/scenarios/supply-chain")).get("yaml").asText()
                .replace("quantity: {type: poisson, mean: 3}}", "quantity: {type: poisson, mean: 3},"
                        + " series: {file: /etc/passwd, period: 1d}}"), "application/yaml"), 400);
    }

    @Test
    void aThousandMutationsOfAValidScenarioAreEachAProblemOrAValidRun() throws Exception {
        String yaml = json(http.get("/scenarios/demo")).get("yaml").asText();
        JsonNode tree = json(http.get("/scenarios/demo")).get("scenario");
        ScenarioMutator mutator = new ScenarioMutator(20261128L, tree, yaml);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> blankRules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ScenarioMutator.Mutation m = mutator.next();
            HttpResponse<String> v = http.post("/scenarios/validate", m.body(), m.contentType());
            assertThat(v.statusCode()).as("mutation %d (%s): %s", i, m.description(), v.body()).isEqualTo(200);
            boolean valid = json(v).get("valid").asBoolean();
            HttpResponse<String> run = http.post("/runs?horizon=30m", m.body(), m.contentType());
            int status = run.statusCode();
            assertThat(status).as("mutation %d (%s): %s", i, m.description(), run.body()).isIn(202, 400, 413, 422);
            if (status == 202) {
                String location = run.headers().firstValue("Location").orElseThrow();
                // 200 cancelled, or 409 when the short run had already finished.
                assertThat(http.send("DELETE", location, null, null).statusCode()).isIn(200, 409);
                assertThat(valid).as("mutation %d (%s) ran but did not validate", i, m.description()).isTrue();
            } else {
                // Rules are checked apart: a blank one is a finding of the scenarios module, reported below.
                assertProblemDocument(run, false);
                json(run).path("problems").forEach(p -> {
                    if (p.get("rule").asText().isBlank()) {
                        blankRules.add(m.description() + " -> " + p);
                    }
                });
                if (status == 400 && m.contentType().contains("yaml")) {
                    assertThat(valid).as("mutation %d (%s) validated but was refused: %s", i, m.description(),
                            run.body()).isFalse();
                }
            }
            outcomes.merge(valid ? "valid" : "invalid", 1, Integer::sum);
            outcomes.merge("HTTP " + status, 1, Integer::sum);
        }
        System.out.println("1000 mutations of demo: " + outcomes);
        // Known: ScenarioReader gives a blank rule when a model constructor fails with a message-less exception
        // (e.g. an empirical distribution's weights [0.6, "", 0.1]); the CLI shows the same blank rule.
        System.out.println("problems with a blank rule: " + blankRules.size()
                + (blankRules.isEmpty() ? "" : " (first: " + blankRules.get(0) + ")"));
        assertThat(outcomes.get("invalid")).isGreaterThan(300);
        JsonNode health = json(http.get("/health"));
        assertThat(health.get("status").asText()).isEqualTo("up");
        assertThat(health.get("jobsActive").asInt()).isZero();
        HttpResponse<String> after = http.post("/runs", "{\"library\": \"flowline5\", \"horizon\": \"1000m\"}",
                "application/json");
        assertThat(http.awaitEnd(after.headers().firstValue("Location").orElseThrow()).get("status").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void aFullJobPoolAnswers429WithRetryAfterAndRecovers() throws Exception {
        try (PlantwinServer small = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                .withMaxJobs(2))) {
            HttpClientSupport h = new HttpClientSupport(small.baseUrl());
            List<String> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = h.post("/runs?horizon=100000000m", "{\"library\": \"mm1\"}",
                        "application/json");
                assertThat(r.statusCode()).isEqualTo(202);
                running.add(r.headers().firstValue("Location").orElseThrow());
            }
            HttpResponse<String> full = h.post("/runs", "{\"library\": \"mm1\"}", "application/json");
            assertProblem(full, 429);
            assertThat(full.headers().firstValue("Retry-After")).isPresent();
            assertProblem(h.post("/plans/jssp?time=1s", "1 1\n0 1\n", "text/plain"), 429);
            for (String location : running) {
                assertThat(json(h.send("DELETE", location, null, null)).get("status").asText()).isEqualTo("cancelled");
                assertProblem(h.get(location + "/result"), 409);
            }
            HttpResponse<String> again = h.post("/runs?horizon=100m", "{\"library\": \"mm1\"}", "application/json");
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(h.awaitEnd(again.headers().firstValue("Location").orElseThrow()).get("status").asText())
                    .isEqualTo("succeeded");
        }
    }
}
