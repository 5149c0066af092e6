package org.plantwin.twin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.SeriesFiles;
import org.plantwin.learning.api.TimeSeries;

/** The {@code /models} routes on a real server on a free local port: train, list, forecast, problems, 429. */
class ModelRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path M4 = Path.of("src/test/resources/forecast/m4-hourly-train-H1-H10.csv");
    private static PlantwinServer server;
    private static List<TimeSeries> m4;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1).withMaxJobs(4));
        m4 = SeriesFiles.read(M4);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type, String... inDetail)
            throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(r).get("type").asText()).isEqualTo(ApiProblem.TYPE_PREFIX + type);
        if (inDetail.length > 0) {
            assertThat(r.body()).contains(inDetail);
        }
    }

    /** Polls a model until it has left "training"; bounded. */
    private static JsonNode awaitTrained(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode m = json(send("GET", location, null, null));
            if (!m.get("status").asText().equals("training")) {
                return m;
            }
            assertThat(System.nanoTime()).as("model %s still training", location).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    private static String trainRequest(String model, int season, List<TimeSeries> series) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", "hourly");
        n.put("model", model);
        n.put("season", season);
        ObjectNode s = n.putObject("series");
        for (TimeSeries t : series) {
            ArrayNode a = s.putArray(t.id());
            for (double v : t.values()) {
                a.add(v);
            }
        }
        return n.toString();
    }

    @Test
    void trainsThetaOnPostedSeriesListsItAndForecastsLikeTheLibrary() throws Exception {
        HttpResponse<String> r = send("POST", "/models", trainRequest("theta", 24, m4.subList(0, 2)),
                "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/models/" + json(r).get("id").asText());
        JsonNode m = awaitTrained(location);
        assertThat(m.get("status").asText()).isEqualTo("ready");
        assertThat(m.get("model").asText()).isEqualTo("theta");
        assertThat(m.get("name").asText()).isEqualTo("hourly");
        assertThat(m.get("season").asInt()).isEqualTo(24);
        assertThat(m.get("series").asInt()).isEqualTo(2);
        assertThat(m.get("version").asInt()).isPositive();
        assertThat(m.get("trainingSeconds").isNumber()).isTrue();
        List<String> ids = new ArrayList<>();
        json(send("GET", "/models", null, null)).forEach(x -> ids.add(x.get("id").asText()));
        assertThat(ids).contains(m.get("id").asText());

        JsonNode f = json(send("POST", location + "/forecast", "{\"horizon\": 48, \"series\": [\"H2\"]}",
                "application/json"));
        assertThat(f.get("horizon").asInt()).isEqualTo(48);
        assertThat(f.get("forecasts")).hasSize(1);
        JsonNode mean = f.get("forecasts").get(0).get("mean");
        Forecaster theta = Forecasters.create("theta");
        theta.fit(m4.subList(0, 2), new ForecastTask(48, 24));
        Forecast expected = theta.predict(List.of(m4.get(1))).get(0);
        assertThat(mean).hasSize(48);
        for (int i = 0; i < 48; i++) {
            assertThat(mean.get(i).asDouble()).isEqualTo(expected.mean()[i]);
        }
        // Posted histories are forecast too, and an absent horizon needs one from training.
        JsonNode posted = json(send("POST", location + "/forecast", "{\"horizon\": 3, \"series\": {\"new\": "
                + JSON.writeValueAsString(m4.get(2).values()) + "}}", "application/json"));
        assertThat(posted.get("forecasts").get(0).get("id").asText()).isEqualTo("new");
        assertThat(posted.get("forecasts").get(0).get("mean")).hasSize(3);
        assertProblem(send("POST", location + "/forecast", "{}", "application/json"), 400, "invalid-request",
                "$.horizon");
        assertProblem(send("POST", location + "/forecast", "{\"horizon\": 2, \"series\": [\"H3\"]}",
                "application/json"), 400, "invalid-request", "$.series[0]", "training series");
        assertProblem(send("POST", location + "/forecast", "{\"horizon\": 2, \"serie\": []}", "application/json"),
                400, "invalid-request", "$.serie", "Maybe you meant");
    }

    @Test
    void trainsSeasonalNaiveOnAnM4CsvBody() throws Exception {
        HttpResponse<String> r = send("POST", "/models?model=snaive&season=24&horizon=48&name=m4",
                Files.readString(M4), "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode m = awaitTrained(location);
        assertThat(m.get("status").asText()).isEqualTo("ready");
        assertThat(m.get("series").asInt()).isEqualTo(10);
        assertThat(m.get("horizon").asInt()).isEqualTo(48);
        JsonNode f = json(send("POST", location + "/forecast", "", null));
        assertThat(f.get("forecasts")).hasSize(10);
        // Seasonal naive repeats the last season: step 1 is the value one season before the end.
        double[] h1 = m4.get(0).values();
        assertThat(f.get("forecasts").get(0).get("mean").get(0).asDouble()).isEqualTo(h1[h1.length - 24]);
        assertThat(f.get("forecasts").get(0).get("mean")).hasSize(48);
    }

    @Test
    void nbeatslogIsADeepModelTrainedOnceAsASeedEnsemble() throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(trainRequest("nbeatslog", 24, m4.subList(0, 3)));
        n.put("horizon", 48);
        n.put("steps", 3);
        n.put("members", 2);
        HttpResponse<String> r = send("POST", "/models", n.toString(), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode m = awaitTrained(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.get("status").asText()).as(m.toString()).isEqualTo("ready");
        assertThat(m.get("members").asInt()).isEqualTo(2);
        assertThat(m.get("seed").asLong()).isEqualTo(42);
        String location = "/models/" + m.get("id").asText();
        // A deep model forecasts the horizon it learnt; the same request twice gives the same numbers (no refit).
        JsonNode f1 = json(send("POST", location + "/forecast", "{\"series\": [\"H1\"]}", "application/json"));
        JsonNode f2 = json(send("POST", location + "/forecast", "{\"series\": [\"H1\"]}", "application/json"));
        assertThat(f1.get("horizon").asInt()).isEqualTo(48);
        assertThat(f1.get("forecasts").get(0).get("mean")).hasSize(48).isEqualTo(f2.get("forecasts").get(0).get("mean"));
        assertProblem(send("POST", location + "/forecast", "{\"horizon\": 24}", "application/json"), 400,
                "invalid-request", "$.horizon", "48");
        n.put("members", ModelService.MAX_MEMBERS + 1);
        assertProblem(send("POST", "/models", n.toString(), "application/json"), 400, "invalid-request",
                "$.members");
    }

    @Test
    void badRequestsAreProblemsAtTheirPath() throws Exception {
        assertProblem(send("POST", "/models", trainRequest("thetta", 1, m4.subList(0, 1)), "application/json"),
                400, "invalid-request", "$.model", "Maybe you meant \\\"theta\\\"");
        assertProblem(send("POST", "/models", trainRequest("lstm", 24, m4.subList(0, 1)), "application/json"),
                400, "invalid-request", "$.horizon");
        assertProblem(send("POST", "/models", "{\"model\": \"naive\", \"series\": {\"a\": [1, \"x\"]}}",
                "application/json"), 400, "invalid-request", "$.series.a[1]");
        assertProblem(send("POST", "/models", "{\"model\": \"naive\", \"series\": {}}", "application/json"),
                400, "invalid-request", "$.series");
        assertProblem(send("POST", "/models", "{\"model\": \"naive\", \"series\": ", "application/json"),
                400, "malformed-json");
        assertProblem(send("POST", "/models?model=naive", "\"V1\",\"V2\"\n\"H1\",\"abc\"\n", "text/csv"),
                400, "invalid-series", "abc");
        assertProblem(send("GET", "/models/0123456789abcdef", null, null), 404, "not-found");
        assertProblem(send("POST", "/models/0123456789abcdef/forecast", "{}", "application/json"), 404,
                "not-found");
        assertProblem(send("DELETE", "/models/0123456789abcdef", null, null), 404, "not-found");
    }

    @Test
    void keepsABoundedNumberOfModelsAndDeleteFreesAPlace() throws Exception {
        String small = "{\"model\": \"naive\", \"name\": \"tiny\", \"series\": {\"a\": [1, 2, 3, 4]}}";
        List<String> made = new ArrayList<>();
        try {
            HttpResponse<String> r;
            int kept = json(send("GET", "/models", null, null)).size();
            for (int i = kept; i < ModelService.MAX_MODELS; i++) {
                r = send("POST", "/models", small, "application/json");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                String location = r.headers().firstValue("Location").orElseThrow();
                made.add(location);
                awaitTrained(location); // frees the job slot
            }
            r = send("POST", "/models", small, "application/json");
            assertProblem(r, 429, "too-many-models", "DELETE");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(send("DELETE", made.get(0), null, null).statusCode()).isEqualTo(204);
            assertProblem(send("GET", made.get(0), null, null), 404, "not-found");
            r = send("POST", "/models", small, "application/json");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            made.add(r.headers().firstValue("Location").orElseThrow());
            JsonNode last = awaitTrained(made.get(made.size() - 1));
            assertThat(last.get("version").asInt()).isGreaterThan(1); // versions count per name
        } finally {
            for (String location : made) {
                send("DELETE", location, null, null); // other tests need the places
            }
        }
    }
}
