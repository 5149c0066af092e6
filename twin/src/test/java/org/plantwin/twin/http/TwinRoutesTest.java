package org.plantwin.twin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.twin.live.MosquittoBroker;
import org.plantwin.twin.live.MqttBridge;

/** Live twins over HTTP and MQTT: create, telemetry (good, bad, duplicate), state, history, events, fork, restart. */
class TwinRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void telemetryDrivesTheStateWhichSurvivesARestart() throws Exception {
        JsonNode before;
        try (PlantwinServer server = PlantwinServer.start(settings())) {
            String base = server.baseUrl();
            HttpResponse<String> created = post(base + "/twins",
                    "{\"id\": \"plant1\", \"library\": \"supply-chain\", \"seed\": 4, \"speed\": 0}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(post(base + "/twins/plant1/advance", "{\"to\": \"10h\"}").body()).contains("36000000");

            String batch = "{\"messages\": ["
                    + "{\"id\": \"a1\", \"kind\": \"machineState\", \"simTime\": \"10h\", \"machine\": \"L1-M1\","
                    + " \"state\": \"down\"},"
                    + "{\"id\": \"a2\", \"kind\": \"inventory\", \"simTime\": \"10h\", \"warehouse\": \"FG\","
                    + " \"product\": \"B\", \"level\": 123},"
                    + "{\"id\": \"a3\", \"kind\": \"machineState\", \"machine\": \"NOPE\", \"state\": \"down\"},"
                    + "{\"id\": \"a4\", \"kind\": \"order\", \"simTime\": \"10h\", \"customer\": \"C02\","
                    + " \"product\": \"A\", \"quantity\": 7, \"due\": \"12h\"},"
                    + "{\"id\": \"a1\", \"kind\": \"machineState\", \"simTime\": \"10h\", \"machine\": \"L1-M1\","
                    + " \"state\": \"down\"}]}";
            JsonNode report = JSON.readTree(post(base + "/twins/plant1/telemetry", batch).body());
            assertThat(report.get("accepted").asInt()).isEqualTo(3);
            assertThat(report.get("duplicates").asInt()).isEqualTo(1);
            assertThat(report.get("rejected")).hasSize(1);
            assertThat(report.get("rejected").get(0).get("path").asText()).isEqualTo("$.messages[2].machine");
            assertThat(report.get("rejected").get(0).get("value").asText()).isEqualTo("NOPE");

            HttpResponse<String> notJson = post(base + "/twins/plant1/telemetry", "{not json");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(post(base + "/twins/ghost/telemetry", "{}").statusCode()).isEqualTo(404);

            post(base + "/twins/plant1/advance", "{\"to\": \"30h\"}");
            before = JSON.readTree(get(base + "/twins/plant1").body());
            assertThat(before.at("/entities/L1-M1/state").asText()).isEqualTo("down");
            assertThat(before.at("/telemetry/applied").asLong()).isEqualTo(3);
            assertThat(before.at("/drift/FG~1B/lastReported").asLong()).isEqualTo(123);

            JsonNode history = JSON.readTree(get(base + "/twins/plant1/history?from=10h&to=11h&entity=L1-M1").body());
            assertThat(history.findValuesAsText("to")).contains("down");
        }
        // A process that died while writing a line leaves a torn, unacknowledged tail: it is cut, not fatal.
        java.nio.file.Files.writeString(dir.resolve("plant1").resolve("journal.jsonl"), "{\"kind\": \"inven",
                java.nio.file.StandardOpenOption.APPEND);
        // A new server on the same directory replays the journal: the same state.
        try (PlantwinServer server = PlantwinServer.start(settings())) {
            JsonNode after = JSON.readTree(get(server.baseUrl() + "/twins/plant1").body());
            assertThat(after.get("entities")).isEqualTo(before.get("entities"));
            assertThat(after.get("simMillis")).isEqualTo(before.get("simMillis"));
            assertThat(after.get("telemetry")).isEqualTo(before.get("telemetry"));
            assertThat(java.nio.file.Files.readString(dir.resolve("plant1").resolve("journal.jsonl")))
                    .endsWith("}\n");
        }
    }

    @Test
    void sensorReadingsAreAcceptedJournalledAndRefusedWithTheirPath() throws Exception {
        JsonNode before;
        try (PlantwinServer server = PlantwinServer.start(settings())) {
            String base = server.baseUrl();
            post(base + "/twins", "{\"id\": \"wear\", \"library\": \"maintenance\", \"speed\": 0}");
            String batch = "{\"messages\": ["
                    + "{\"id\": \"r1\", \"kind\": \"sensors\", \"simTime\": \"1h\", \"machine\": \"M1\","
                    + " \"values\": [1.2, 60.5]},"
                    + "{\"id\": \"r2\", \"kind\": \"sensors\", \"simTime\": \"1h\", \"machine\": \"M1\","
                    + " \"values\": [1.2]},"
                    + "{\"id\": \"r3\", \"kind\": \"sensors\", \"simTime\": \"1h\", \"machine\": \"M2\","
                    + " \"values\": [1.2, null]},"
                    + "{\"id\": \"r4\", \"kind\": \"sensors\", \"simTime\": \"1h\", \"machine\": \"M7\","
                    + " \"values\": [1.2, 60.5]}]}";
            HttpResponse<String> response = post(base + "/twins/wear/telemetry", batch);
            JsonNode report = JSON.readTree(response.body());
            assertThat(report.get("accepted").asInt()).as(response.body()).isEqualTo(1);
            assertThat(report.get("rejected").findValuesAsText("path")).containsExactly("$.messages[1].values",
                    "$.messages[2].values[1]", "$.messages[3].machine");
            assertThat(report.get("rejected").findValuesAsText("value")).containsExactly("[1.2]", "null", "M7");
            before = JSON.readTree(get(base + "/twins/wear").body());
            assertThat(before.at("/telemetry/applied").asLong()).isEqualTo(1);
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("wear").resolve("journal.jsonl")))
                .contains("\"kind\":\"sensors\"").contains("[1.2,60.5]");
        try (PlantwinServer server = PlantwinServer.start(settings())) {
            JsonNode after = JSON.readTree(get(server.baseUrl() + "/twins/wear").body());
            assertThat(after.get("telemetry")).isEqualTo(before.get("telemetry"));
            assertThat(after.get("entities")).isEqualTo(before.get("entities"));
        }
    }

    @Test
    void forkAnswersWithIntervalsAndOrdersAtRiskAndRefusesBadWhatIfs() throws Exception {
        try (PlantwinServer server = PlantwinServer.start(settings())) {
            String base = server.baseUrl();
            post(base + "/twins", "{\"id\": \"p\", \"library\": \"supply-chain\", \"speed\": 0}");
            post(base + "/twins/p/advance", "{\"to\": \"3d\"}");
            HttpResponse<String> fork = post(base + "/twins/p/fork", "{\"horizon\": \"2d\", \"replications\": 4,"
                    + " \"seed\": 5, \"whatIf\": [{\"after\": \"0s\", \"telemetry\": {\"kind\": \"machineState\","
                    + " \"machine\": \"L2-M1\", \"state\": \"down\"}}, {\"after\": \"6h\", \"telemetry\":"
                    + " {\"kind\": \"machineState\", \"machine\": \"L2-M1\", \"state\": \"up\"}}]}");
            assertThat(fork.statusCode()).as(fork.body()).isEqualTo(200); // body shown on failure
            JsonNode f = JSON.readTree(fork.body());
            assertThat(f.get("replications").asInt()).isEqualTo(4);
            assertThat(f.at("/kpis/onTimeDelivery/n").asInt()).isEqualTo(4);
            assertThat(f.at("/kpis/throughputPerHour/halfWidth").asDouble()).isGreaterThan(0);
            assertThat(f.get("orders").isArray()).isTrue();

            HttpResponse<String> bad = post(base + "/twins/p/fork", "{\"horizon\": \"2d\", \"whatIf\": [{\"after\":"
                    + " \"0s\", \"telemetry\": {\"kind\": \"machineState\", \"machine\": \"M404\", \"state\": \"down\"}}]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("$.whatIf.machine").contains("M404");
            assertThat(post(base + "/twins/p/fork", "{\"horizon\": \"-2d\"}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theChangeStreamSendsWhatTelemetryChanges() throws Exception {
        try (PlantwinServer server = PlantwinServer.start(settings())) {
            String base = server.baseUrl();
            post(base + "/twins", "{\"id\": \"s\", \"library\": \"supply-chain\", \"speed\": 0}");
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/twins/s/events"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            CompletableFuture<String> change = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("data:") && line.contains("\"L2-M2\"") && line.contains("\"down\"")) {
                            return line;
                        }
                    }
                    return null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            post(base + "/twins/s/telemetry", "{\"kind\": \"machineState\", \"machine\": \"L2-M2\", \"state\": \"down\"}");
            assertThat(change.get(20, TimeUnit.SECONDS)).contains("\"source\":\"telemetry\"");
        }
    }

    @Test
    void mqttTelemetryReachesTheTwin() throws Exception {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed (apt-get install mosquitto)");
        try (MosquittoBroker broker = MosquittoBroker.start();
             PlantwinServer server = PlantwinServer.start(settings().withMqttBroker(broker.uri())
                     .withMqttClientId("twin-routes-test"))) {
            server.startMqtt();
            String base = server.baseUrl();
            post(base + "/twins", "{\"id\": \"m\", \"library\": \"supply-chain\", \"speed\": 0}");
            MqttClient device = new MqttClient(broker.uri(), "device-twin-routes-test", new MemoryPersistence());
            device.connect();
            device.publish(MqttBridge.telemetryTopic("m"), ("{\"id\": \"q1\", \"kind\": \"inventory\", \"warehouse\":"
                    + " \"FG\", \"product\": \"C\", \"level\": 9}").getBytes(StandardCharsets.UTF_8), 1, false);
            device.disconnect();
            device.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonNode state = null;
            while (System.nanoTime() < deadline) {
                state = JSON.readTree(get(base + "/twins/m").body());
                if (state.at("/telemetry/applied").asLong() == 1) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(50); // waiting on the broker, outside any simulation
            }
            assertThat(state.at("/entities/FG~1C/onHand").asLong()).isEqualTo(9);
        }
    }

    private ServerSettings settings() {
        return ServerSettings.defaults().withPort(0).withLanes(1).withLiveDir(dir);
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
