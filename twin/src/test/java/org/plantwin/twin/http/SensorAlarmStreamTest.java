package org.plantwin.twin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.learning.maintenance.EngineUnit;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.learning.maintenance.TwinLives;

/** {@code serve --anomaly-model}: the live twins' sensor readings are watched and alarms reach the change stream. */
class SensorAlarmStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int W = 10;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** Vibration and temperature of the maintenance scenario's machines at wear {@code x} in [0, 1], with noise. */
    private static double[] reading(double x, SplittableRandom r) {
        return new double[] {1 + 4 * x + 0.05 * r.nextGaussian(), 60 + 30 * x + 0.5 * r.nextGaussian()};
    }

    @Test
    void aSpikingMachineRaisesASensorAlarmOnItsTwinsChangeStreamAndHealthyReadingsFewOrNone() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        List<EngineUnit> lives = new ArrayList<>();
        for (int u = 1; u <= 20; u++) {
            List<double[]> rows = new ArrayList<>();
            for (int t = 0; t < 300; t++) {
                rows.add(reading(t / 300.0, r));
            }
            lives.add(TwinLives.unit(u, rows));
        }
        Path model = dir.resolve("model");
        try (SensorAutoencoder ae = SensorAutoencoder.train(lives, W, 42, 400, 64, 0.999, 1)) {
            ae.save(model);
        }
        ServerSettings settings = ServerSettings.defaults().withPort(0).withLanes(1).withAnomalyModel(model);
        try (PlantwinServer server = PlantwinServer.start(settings)) {
            String base = server.baseUrl();
            post(base + "/twins", "{\"id\": \"a\", \"library\": \"maintenance\", \"speed\": 0}");
            post(base + "/twins", "{\"id\": \"b\", \"library\": \"maintenance\", \"speed\": 0}");
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/twins/b/events"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            CompletableFuture<String> alarm = CompletableFuture.supplyAsync(() -> firstAlarm(stream.body()));

            // Twin a: M1 healthy for 4 windows. Twin b: M1 healthy for 9 readings, then a spike.
            post(base + "/twins/a/telemetry", batch("M1", 0, 4 * W, r, false));
            HttpResponse<String> posted = post(base + "/twins/b/telemetry", batch("M1", 0, W, r, true));
            assertThat(JSON.readTree(posted.body()).path("accepted").asInt()).as(posted.body()).isEqualTo(W);

            JsonNode a = JSON.readTree(alarm.get(60, TimeUnit.SECONDS));
            assertThat(a.path("entity").asText()).as(a.toString()).isEqualTo("M1");
            assertThat(a.get("field").asText()).isEqualTo("sensorAlarm");
            assertThat(a.at("/to/machine").asText()).isEqualTo("M1");
            assertThat(a.at("/to/simMillis").asLong()).isEqualTo((W - 1) * 60_000L);
            assertThat(a.at("/to/score").asDouble()).isGreaterThan(a.at("/to/threshold").asDouble());
            assertThat(a.at("/to/flat").isBoolean()).isTrue();
            assertThat(a.get("simMillis").asLong()).isEqualTo((W - 1) * 60_000L);

            // The watcher takes readings in order, so twin a's windows were scored before b's spike: few alarms,
            // none of them on twin b's machine (twins are kept apart).
            JsonNode changes = server.liveTwins().changesSince("a", -1, 100_000).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            long healthyAlarms = 0;
            for (JsonNode c : changes) {
                healthyAlarms += "sensorAlarm".equals(c.get("field").asText()) ? 1 : 0;
            }
            assertThat(healthyAlarms).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void serveRefusesAMissingModelFolderWithAHint() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.plantwin.twin.cli.PlantwinCli.execute(new String[] {"serve", "--port", "0", "--anomaly-model",
                dir.resolve("nothing").toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nothing").contains("autoencoder.json").contains("Maybe");
        assertThatThrownBy(() -> PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                .withAnomalyModel(dir.resolve("nothing")))).isInstanceOf(IllegalStateException.class);
    }

    /** {@code n} readings of {@code machine} one minute apart from {@code start}, the last a spike if asked. */
    private static String batch(String machine, int start, int n, SplittableRandom r, boolean spikeLast) {
        StringBuilder b = new StringBuilder("{\"messages\": [");
        for (int t = 0; t < n; t++) {
            double[] v = spikeLast && t == n - 1 ? new double[] {50, 61} : reading(0.1, r);
            b.append(t == 0 ? "" : ",").append("{\"kind\": \"sensors\", \"simTime\": ").append((start + t) * 60_000L)
                    .append(", \"machine\": \"").append(machine).append("\", \"values\": [").append(v[0]).append(", ")
                    .append(v[1]).append("]}");
        }
        return b.append("]}").toString();
    }

    /** The data of the first {@code sensorAlarm} event of a server-sent event stream (fields in any order). */
    private static String firstAlarm(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String type = null;
            String data = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                } else if (line.isEmpty()) {
                    if ("sensorAlarm".equals(type)) {
                        return data;
                    }
                    type = null;
                    data = null;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
