package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.plantwin.test.HttpClientSupport.assertProblem;
import static org.plantwin.test.HttpClientSupport.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;

/**
 * The Gymnasium-style environments over HTTP: a real server on a free port, the standard-library Python client
 * ({@code clients/python/plantwin_env.py}) driving a random and a rule-based agent through whole job-shop episodes,
 * and the problem documents of the /envs routes.
 */
class EnvHttpIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path CLIENT = Path.of("..", "clients", "python");

    private static PlantwinServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1).withMaxJobs(4));
        http = new HttpClientSupport(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pythonAgentsRunWholeEpisodesAndTheRuleBeatsRandom() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3");
        Path out = Path.of("target", "env-python.json");
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(PYTHON.toString(), "example_agents.py", server.baseUrl(), "--jobs", "6",
                "--machines", "6", "--episodes", "8", "--seed", "1")
                .directory(CLIENT.toFile()).redirectErrorStream(false)
                .redirectOutput(out.toAbsolutePath().toFile())
                .redirectError(new File("target/env-python.err")).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("python finished").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text + Files.readString(Path.of("target/env-python.err"))).isZero();
        JsonNode r = new ObjectMapper().readTree(text);
        assertThat(r.get("action_space").get("n").asInt()).isEqualTo(6);
        for (String agent : List.of("random", "mwkr")) {
            JsonNode a = r.get(agent);
            assertThat(a.get("returns")).hasSize(8);
            for (int i = 0; i < 8; i++) {
                // The dense makespan reward sums to minus the makespan, and no schedule beats the trivial bound.
                assertThat(a.get("returns").get(i).asDouble()).isEqualTo(-a.get("makespans").get(i).asDouble());
                assertThat(a.get("makespans").get(i).asDouble()).isPositive();
            }
        }
        assertThat(r.get("mwkr").get("mean_return").asDouble()).isGreaterThan(r.get("random").get("mean_return")
                .asDouble());
        System.out.println("EnvHttpIT: Python client " + Math.round(r.get("steps_per_second").asDouble())
                + " steps/s over HTTP (" + r.get("steps").asInt() + " steps, resets not counted as steps)");
    }

    @Test
    void errorsAreProblemDocuments() throws Exception {
        assertProblem(http.post("/envs", "{\"kind\": \"chess\"}", "application/json"), 400);
        assertProblem(http.post("/envs", "{\"kind\": \"jobshop\", \"params\": {\"jobz\": 3}}", "application/json"),
                400);
        assertProblem(http.post("/envs/env-999/reset", "{}", "application/json"), 404);
        JsonNode created = json(http.post("/envs", "{\"kind\": \"jobshop\", \"params\": {\"jobs\": 4, \"machines\": 3}}",
                "application/json"));
        String id = created.get("id").asText();
        assertThat(created.get("observationSpace").get("type").asText()).isEqualTo("Box");
        assertProblem(http.post("/envs/" + id + "/step", "{\"action\": 0}", "application/json"), 409);
        JsonNode reset = json(http.post("/envs/" + id + "/reset", "{\"seed\": 3}", "application/json"));
        int masked = -1;
        for (int i = 0; i < reset.get("actionMask").size(); i++) {
            if (!reset.get("actionMask").get(i).asBoolean()) {
                masked = i;
            }
        }
        if (masked >= 0) {
            assertProblem(http.post("/envs/" + id + "/step", "{\"action\": " + masked + "}", "application/json"),
                    400);
        }
        assertThat(http.send("DELETE", "/envs/" + id, null, null).statusCode()).isEqualTo(204);
        assertProblem(http.send("DELETE", "/envs/" + id, null, null), 404);
    }
}
