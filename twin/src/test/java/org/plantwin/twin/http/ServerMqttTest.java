package org.plantwin.twin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.plantwin.twin.cli.PlantwinCli;
import org.plantwin.twin.live.IngestReport;
import org.plantwin.twin.live.MosquittoBroker;
import org.plantwin.twin.live.MqttBridge;
import org.plantwin.twin.live.TelemetryIngest;

/** The server's MQTT wiring: {@code --mqtt} in the settings, {@link PlantwinServer#startMqtt}, its metrics. */
class ServerMqttTest {

    @Test
    void startsTheBridgeOfItsSettingsShowsItsCountersAndClosesIt() throws Exception {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed (apt-get install mosquitto)");
        BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        TelemetryIngest ingest = (twin, json) -> {
            calls.add(twin + " " + json);
            return new IngestReport(twin, 1, 0, 0, List.of());
        };
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            MqttBridge bridge;
            try (PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1)
                    .withMqttBroker(broker.uri()).withMqttClientId("server-test"))) {
                bridge = server.startMqtt(ingest);
                assertThat(bridge.isConnected()).isTrue();

                MqttClient device = new MqttClient(broker.uri(), "device-server-test", new MemoryPersistence());
                device.connect();
                device.publish(MqttBridge.telemetryTopic("line-2"), "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                        1, false);
                device.disconnect();
                device.close();

                assertThat(calls.poll(20, TimeUnit.SECONDS)).isEqualTo("line-2 {\"id\":\"a\"}");
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("plantwin_mqtt_messages_received_total 1.0")
                        .contains("plantwin_mqtt_payloads_rejected_total 0.0").contains("plantwin_mqtt_connected 1.0");
            }
            assertThat(bridge.isConnected()).as("closed with the server").isFalse();
        }
    }

    @Test
    void startsNoBridgeWithoutABroker() {
        try (PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1))) {
            assertThat(server.startMqtt((twin, json) -> null)).isNull();
        }
    }

    @Test
    void serveRefusesAMalformedBrokerUriAndAClientIdWithoutBroker() {
        StringWriter err = new StringWriter();
        int code = PlantwinCli.execute(new String[] {"serve", "--port", "0", "--mqtt", "http://127.0.0.1:1883"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(err.toString()).contains("(http://127.0.0.1:1883)").contains("Maybe tcp://127.0.0.1:1883");

        err.getBuffer().setLength(0);
        code = PlantwinCli.execute(new String[] {"serve", "--port", "0", "--mqtt-client-id", "x"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(err.toString()).contains("--mqtt-client-id needs --mqtt");
    }
}
