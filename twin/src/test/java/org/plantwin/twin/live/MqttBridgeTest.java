package org.plantwin.twin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MqttBridge} against a real Mosquitto broker (skipped where {@code /usr/sbin/mosquitto} is missing). */
class MqttBridgeTest {

    private static final long WAIT_SECONDS = 20;
    private static MosquittoBroker broker;

    private MqttClient device;

    /** What a fake ingest was given. */
    record Call(String twin, String json) {
    }

    @BeforeAll
    static void startBroker() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed (apt-get install mosquitto)");
        broker = MosquittoBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void connectDevice() throws MqttException {
        device = new MqttClient(broker.uri(), "device-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // Paho frees a slot only after the publish it waited for returns: a margin over the default 10 avoids
        // "Too many publishes in progress" on back-to-back synchronous publishes.
        options.setMaxInflight(1000);
        device.connect(options);
    }

    @AfterEach
    void disconnectDevice() throws MqttException {
        device.disconnect();
        device.close();
    }

    @Test
    void handsThePayloadToTheIngestOfTheTopicsTwin() throws Exception {
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        try (MqttBridge bridge = MqttBridge.start(broker.uri(), "bridge-payload", recording(calls, j -> null))) {
            String payload = "{\"id\":\"m1\",\"entity\":\"M3\",\"field\":\"state\",\"value\":\"down\"}";
            publish(MqttBridge.telemetryTopic("T1"), payload.getBytes(StandardCharsets.UTF_8));

            assertThat(calls.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new Call("T1", payload));
            assertThat(calls.poll(200, TimeUnit.MILLISECONDS)).as("exactly one call").isNull();
            assertThat(bridge.stats()).isEqualTo(new MqttBridge.Stats(1, 0, 0, 0, 0));
        }
    }

    @Test
    void publishesTheReportOfARejectedPayloadToTheTwinsRejectedTopic() throws Exception {
        BlockingQueue<String> reports = new LinkedBlockingQueue<>();
        device.subscribe(MqttBridge.rejectedTopic("T1"), 1,
                (topic, m) -> reports.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        IngestReport refusal = new IngestReport("T1", 1, 0, 0, List.of(new IngestReport.Rejection(1,
                "$.messages[1].value", "-3", "A count must be >= 0.")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (MqttBridge bridge = MqttBridge.start(broker.uri(), "bridge-reject",
                recording(new LinkedBlockingQueue<>(), j -> refusal))) {
            bridge.bindTo(meters);
            publish(MqttBridge.telemetryTopic("T1"), "{\"messages\":[{},{}]}".getBytes(StandardCharsets.UTF_8));

            JsonNode report = new ObjectMapper().readTree(reports.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertThat(report.path("twin").asText()).isEqualTo("T1");
            assertThat(report.path("accepted").asInt()).isEqualTo(1);
            JsonNode rejection = report.path("rejected").path(0);
            assertThat(rejection.path("index").asInt()).isEqualTo(1);
            assertThat(rejection.path("path").asText()).isEqualTo("$.messages[1].value");
            assertThat(rejection.path("value").asText()).isEqualTo("-3");
            assertThat(rejection.path("reason").asText()).isEqualTo("A count must be >= 0.");
            assertThat(bridge.stats().rejected()).isEqualTo(1);
            assertThat(meters.get("plantwin.mqtt.payloads.rejected").functionCounter().count()).isEqualTo(1.0);
            assertThat(meters.get("plantwin.mqtt.messages.received").functionCounter().count()).isEqualTo(1.0);
            assertThat(meters.get("plantwin.mqtt.connected").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void refusesAPayloadThatIsNotUtf8WithoutCallingTheIngest() throws Exception {
        BlockingQueue<String> reports = new LinkedBlockingQueue<>();
        device.subscribe(MqttBridge.rejectedTopic("T2"), 1,
                (topic, m) -> reports.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        try (MqttBridge bridge = MqttBridge.start(broker.uri(), "bridge-utf8", recording(calls, j -> null))) {
            publish(MqttBridge.telemetryTopic("T2"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

            JsonNode rejection = new ObjectMapper().readTree(reports.poll(WAIT_SECONDS, TimeUnit.SECONDS))
                    .path("rejected").path(0);
            assertThat(rejection.path("index").asInt()).isEqualTo(-1);
            assertThat(rejection.path("value").asText()).isEqualTo("4 bytes");
            assertThat(rejection.path("reason").asText()).contains("not UTF-8");
            assertThat(calls).isEmpty();
            assertThat(bridge.stats().rejected()).isEqualTo(1);
        }
    }

    @Test
    void keepsWorkingAfterTheIngestThrows() throws Exception {
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        TelemetryIngest throwsOnBoom = recording(calls, json -> {
            if (json.contains("boom")) {
                throw new IllegalStateException("boom");
            }
            return null;
        });
        try (MqttBridge bridge = MqttBridge.start(broker.uri(), "bridge-throws", throwsOnBoom)) {
            publish(MqttBridge.telemetryTopic("T1"), "{\"boom\":1}".getBytes(StandardCharsets.UTF_8));
            publish(MqttBridge.telemetryTopic("T1"), "{\"boom\":2}".getBytes(StandardCharsets.UTF_8));
            publish(MqttBridge.telemetryTopic("T1"), "{\"ok\":3}".getBytes(StandardCharsets.UTF_8));

            assertThat(calls.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new Call("T1", "{\"boom\":1}"));
            assertThat(calls.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new Call("T1", "{\"boom\":2}"));
            assertThat(calls.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new Call("T1", "{\"ok\":3}"));
            assertThat(bridge.stats()).isEqualTo(new MqttBridge.Stats(3, 0, 2, 0, 0));
            assertThat(bridge.isConnected()).isTrue();
        }
    }

    @Test
    void deliversEveryQos1MessageExactlyOnceInPublishOrder() throws Exception {
        int n = 2000;
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        try (MqttBridge bridge = MqttBridge.start(broker.uri(), "bridge-many", recording(calls, j -> null))) {
            for (int i = 0; i < n; i++) {
                publish(MqttBridge.telemetryTopic("T1"), ("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            List<String> got = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Call c = calls.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(c).as("message %d of %d", i, n).isNotNull();
                got.add(c.json());
            }
            assertThat(calls.poll(200, TimeUnit.MILLISECONDS)).as("no more than " + n).isNull();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add("{\"seq\":" + i + "}");
            }
            assertThat(got).isEqualTo(sent);
            assertThat(bridge.stats().received()).isEqualTo(n);
        }
    }

    @Test
    void reconnectsAndSubscribesAgainWhenTheBrokerRestarts() throws Exception {
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        MosquittoBroker own = MosquittoBroker.start();
        int port = own.port();
        try (MqttBridge bridge = MqttBridge.start(own.uri(), "bridge-restart", recording(calls, j -> null))) {
            own.close();
            own = MosquittoBroker.start(port);
            MqttClient restarted = new MqttClient(own.uri(), "device-restart", new MemoryPersistence());
            restarted.connect();
            // Paho retries after 1 s, 2 s, ...; the subscription follows the reconnect asynchronously, so publish
            // until one arrives (messages sent before it are not kept for a clean session).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            Call got = null;
            while (got == null && System.nanoTime() < deadline) {
                restarted.publish(MqttBridge.telemetryTopic("T9"), "{}".getBytes(StandardCharsets.UTF_8), 1, false);
                got = calls.poll(100, TimeUnit.MILLISECONDS);
            }
            restarted.disconnect();
            restarted.close();
            assertThat(got).isEqualTo(new Call("T9", "{}"));
            assertThat(bridge.isConnected()).isTrue();
            assertThat(bridge.stats().connectionsLost()).isEqualTo(1);
        } finally {
            own.close();
        }
    }

    @Test
    void failsFastNamingTheBrokerWhenNothingListens() {
        int port;
        try (MosquittoBroker stopped = MosquittoBroker.start()) {
            port = stopped.port();
        }
        String uri = "tcp://127.0.0.1:" + port;
        assertThatThrownBy(() -> MqttBridge.start(uri, "bridge-nobody", (t, j) -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(uri)
                .hasMessageContaining("Maybe the broker is not running");
    }

    @Test
    void refusesATopicWithAnEmptyTwinId() throws Exception {
        AtomicInteger ingests = new AtomicInteger();
        try (MqttBridge bridge = MqttBridge.start(broker.uri(), "bridge-empty", (t, j) -> {
            ingests.incrementAndGet();
            return null;
        })) {
            bridge.handle("plantwin/twins//telemetry", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(bridge.stats()).isEqualTo(new MqttBridge.Stats(1, 1, 0, 0, 0));
            assertThat(ingests).hasValue(0);
        }
    }

    /** Records each call; {@code answer} gives the report (null: everything accepted). */
    private static TelemetryIngest recording(BlockingQueue<Call> calls, Function<String, IngestReport> answer) {
        return (twin, json) -> {
            calls.add(new Call(twin, json));
            IngestReport r = answer.apply(json);
            return r != null ? r : new IngestReport(twin, 1, 0, 0, List.of());
        };
    }

    private void publish(String topic, byte[] payload) throws MqttException {
        device.publish(topic, payload, 1, false);
    }
}
