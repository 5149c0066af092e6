package org.plantwin.twin.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds live-twin telemetry from an MQTT broker into a {@link TelemetryIngest}.
 *
 * <pre>{@code
 * try (MqttBridge bridge = MqttBridge.start("tcp://127.0.0.1:1883", "plantwin-1", ingest)) {
 *     // every payload published to plantwin/twins/{id}/telemetry now reaches ingest.ingest(id, payload)
 * }
 * }</pre>
 *
 * <p>Subscribes with QoS 1 to {@value #TELEMETRY_FILTER} (clean session, automatic reconnect, subscribing again
 * after each reconnect). Each message is decoded as UTF-8 and handed to the ingest on Paho's callback thread, one
 * at a time and in arrival order, so the messages of one publisher reach the ingest in the order it sent them;
 * the broker's acknowledgement goes out once the ingest has returned. A report with rejections goes back as JSON
 * (QoS 1) to {@code plantwin/twins/{id}/rejected}. Topics and payloads: {@code docs/design/live.md}, "MQTT".
 *
 * <p>Nothing the ingest throws reaches Paho (an exception there would drop the connection): it is counted, logged
 * the first time for each kind, and the next message is handled as usual.
 */
public final class MqttBridge implements AutoCloseable, MeterBinder {

    /** The subscription: the telemetry of every twin. */
    public static final String TELEMETRY_FILTER = "plantwin/twins/+/telemetry";
    /** Telemetry and rejection reports are sent at least once. */
    public static final int QOS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Rejection reports under way at once; beyond it Paho refuses a publish and the report is counted as unsent. */
    private static final int MAX_INFLIGHT = 1000;

    /**
     * The bridge's counters since it started.
     *
     * @param received         telemetry messages received (every one, whatever became of it)
     * @param rejected         payloads whose report had at least one rejection, or that were not UTF-8
     * @param failed           payloads for which the ingest threw (nothing was reported back for them)
     * @param reportsUnsent    rejection reports that could not be handed to the client (disconnected, too many under
     *                         way)
     * @param connectionsLost  times the connection to the broker was lost (each followed by automatic reconnects)
     */
    public record Stats(long received, long rejected, long failed, long reportsUnsent, long connectionsLost) {
    }

    private final MqttAsyncClient client;
    private final TelemetryIngest ingest;
    private final LongAdder received = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder reportsUnsent = new LongAdder();
    private final LongAdder connectionsLost = new LongAdder();
    /** Kinds of failure already logged with their stack trace; later ones of the same kind are only counted. */
    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();

    private MqttBridge(MqttAsyncClient client, TelemetryIngest ingest) {
        this.client = client;
        this.ingest = ingest;
    }

    /**
     * Connects to {@code brokerUri} ({@code tcp://host:port}, {@code ssl://}, {@code ws://}, {@code wss://}) as
     * {@code clientId} and subscribes; returns once the broker has granted the subscription.
     *
     * @throws IllegalArgumentException when the URI or client id is malformed
     * @throws IllegalStateException    when the broker cannot be reached or refuses the connection or subscription
     */
    public static MqttBridge start(String brokerUri, String clientId, TelemetryIngest ingest) {
        Objects.requireNonNull(ingest, "ingest");
        validateBrokerUri(brokerUri);
        if (clientId == null || clientId.isBlank() || clientId.length() > 65535) {
            throw new IllegalArgumentException("The MQTT client id (" + clientId + ") must be 1 to 65535 characters,"
                    + " not blank. Maybe plantwin-" + ProcessHandle.current().pid() + ".");
        }
        MqttAsyncClient client;
        try {
            // In memory: QoS 1 state of a clean session is not worth keeping on disk (Paho's default writes
            // into the working directory).
            client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("Cannot create an MQTT client for " + brokerUri + ": " + e.getMessage()
                    + ". Maybe tcp://127.0.0.1:1883.", e);
        }
        MqttBridge bridge = new MqttBridge(client, ingest);
        client.setCallback(bridge.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setConnectionTimeout((int) (CONNECT_TIMEOUT_MILLIS / 1000));
        if (brokerUri.toLowerCase(Locale.ROOT).startsWith("tcp://")) {
            options.setSocketFactory(tcpNoDelaySocketFactory());
        }
        int granted;
        try {
            client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MILLIS);
            IMqttToken sub = client.subscribe(TELEMETRY_FILTER, QOS);
            sub.waitForCompletion(CONNECT_TIMEOUT_MILLIS);
            granted = sub.getGrantedQos()[0];
        } catch (MqttException | RuntimeException e) {
            bridge.close();
            throw new IllegalStateException("Cannot connect to the MQTT broker " + brokerUri + " as " + clientId
                    + ": " + e.getMessage() + ". Maybe the broker is not running, or another client uses this id.", e);
        }
        if (granted != QOS) {
            bridge.close();
            throw new IllegalStateException("The MQTT broker " + brokerUri + " granted QoS " + granted + " instead of "
                    + QOS + " for " + TELEMETRY_FILTER + ". Maybe its ACL does not let this client read telemetry.");
        }
        LOG.info("MQTT bridge connected to {} as {}, subscribed to {}", brokerUri, clientId, TELEMETRY_FILTER);
        return bridge;
    }

    /**
     * Checks that {@code uri} is a broker URI Paho can connect to.
     *
     * @throws IllegalArgumentException naming the URI and the rule
     */
    public static void validateBrokerUri(String uri) {
        Objects.requireNonNull(uri, "brokerUri");
        String problem = null;
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("tcp", "ssl", "ws", "wss").contains(scheme)) {
                problem = "must start with tcp://, ssl://, ws:// or wss://";
            } else if (u.getHost() == null) {
                problem = "must name a host";
            }
        } catch (URISyntaxException e) {
            problem = "is not a URI (" + e.getReason() + ")";
        }
        if (problem != null) {
            throw new IllegalArgumentException("The MQTT broker URI (" + uri + ") " + problem
                    + ". Maybe tcp://127.0.0.1:1883.");
        }
    }

    /**
     * Plain TCP sockets with Nagle's algorithm off, for Paho's {@code MqttConnectOptions.setSocketFactory} (plain
     * {@code tcp://} only). Paho leaves it on, and then each small MQTT packet after the first (a PUBACK, a short
     * PUBLISH) waits for the TCP acknowledgement of the one before, which the peer delays by up to 40 ms: a publisher
     * with ten QoS 1 messages under way measured 230 messages/s with it on.
     */
    public static SocketFactory tcpNoDelaySocketFactory() {
        return NoDelaySockets.INSTANCE;
    }

    /** {@code plantwin/twins/{twinId}/telemetry}: where a twin's telemetry is published. */
    public static String telemetryTopic(String twinId) {
        return "plantwin/twins/" + twinId + "/telemetry";
    }

    /** {@code plantwin/twins/{twinId}/rejected}: where the bridge reports a twin's rejected payloads. */
    public static String rejectedTopic(String twinId) {
        return "plantwin/twins/" + twinId + "/rejected";
    }

    /** The twin id in a telemetry topic, or null when {@code topic} is not {@code plantwin/twins/{id}/telemetry}. */
    static String twinId(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 4 || !levels[0].equals("plantwin") || !levels[1].equals("twins")
                || !levels[3].equals("telemetry")) {
            return null;
        }
        return levels[2];
    }

    /** The counters so far. */
    public Stats stats() {
        return new Stats(received.sum(), rejected.sum(), failed.sum(), reportsUnsent.sum(), connectionsLost.sum());
    }

    /** Whether the client is connected now (false while it reconnects). */
    public boolean isConnected() {
        return client.isConnected();
    }

    /** Registers the counters of {@link #stats()} and a {@code plantwin.mqtt.connected} gauge (1 or 0). */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("plantwin.mqtt.messages.received", received, LongAdder::sum)
                .description("Telemetry messages received over MQTT").register(registry);
        FunctionCounter.builder("plantwin.mqtt.payloads.rejected", rejected, LongAdder::sum)
                .description("MQTT telemetry payloads with at least one rejection").register(registry);
        FunctionCounter.builder("plantwin.mqtt.ingest.failures", failed, LongAdder::sum)
                .description("MQTT telemetry payloads whose ingest threw").register(registry);
        FunctionCounter.builder("plantwin.mqtt.reports.unsent", reportsUnsent, LongAdder::sum)
                .description("Rejection reports that could not be published").register(registry);
        FunctionCounter.builder("plantwin.mqtt.connections.lost", connectionsLost, LongAdder::sum)
                .description("Connections to the MQTT broker lost").register(registry);
        Gauge.builder("plantwin.mqtt.connected", client, c -> c.isConnected() ? 1 : 0)
                .description("1 while connected to the MQTT broker").register(registry);
    }

    /** Unsubscribes by disconnecting (waiting up to 5 s for work under way), then releases the client. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(10_000);
            }
        } catch (MqttException e) {
            LOG.warn("The MQTT client did not disconnect cleanly; closing it anyway", e);
            try {
                client.disconnectForcibly(0, 1_000);
            } catch (MqttException ignored) {
                // Already logged above; close() below releases what is left.
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("The MQTT client did not close cleanly", e);
        }
    }

    /** Handles one message; never throws (see the class comment). */
    void handle(String topic, byte[] payload) {
        received.increment();
        String twin = Objects.requireNonNullElse(twinId(topic), ""); // the subscription only yields matching topics
        try {
            IngestReport report;
            if (twin.isEmpty()) {
                // '+' matches an empty level: plantwin/twins//telemetry names no twin.
                report = IngestReport.refused(twin, "topic", topic,
                        "The topic names no twin. Maybe publish to " + telemetryTopic("{twinId}") + ".");
            } else {
                String json = utf8(payload);
                report = json != null ? ingest.ingest(twin, json)
                        : IngestReport.refused(twin, "$", payload.length + " bytes",
                                "The payload is not UTF-8. Maybe send JSON text in UTF-8.");
            }
            if (!report.rejected().isEmpty()) {
                rejected.increment();
                publishReport(twin, report);
            }
        } catch (VirtualMachineError e) {
            throw e; // out of memory or stack: the JVM is in no state to carry on
        } catch (Throwable e) {
            failed.increment();
            logOnce("ingest:" + e.getClass().getName(), "The telemetry ingest threw on a message for twin " + twin
                    + " (this kind is logged once, then only counted in failed)", e);
        }
    }

    private void publishReport(String twin, IngestReport report) {
        try {
            client.publish(rejectedTopic(twin), JSON.writeValueAsBytes(report), QOS, false);
        } catch (MqttException | JsonProcessingException e) {
            reportsUnsent.increment();
            logOnce("report:" + e.getClass().getName() + ":" + (e instanceof MqttException m ? m.getReasonCode() : 0),
                    "A rejection report for twin " + twin + " could not be published (this kind is logged once, then"
                            + " only counted in reportsUnsent)", e);
        }
    }

    /** Strict UTF-8: null for malformed input instead of replacement characters. */
    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void logOnce(String kind, String message, Throwable e) {
        if (loggedKinds.add(kind)) {
            LOG.error(message, e);
        }
    }

    private static final class NoDelaySockets extends SocketFactory {
        static final NoDelaySockets INSTANCE = new NoDelaySockets();
        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket()); // what Paho calls: it connects the socket itself
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket s) throws SocketException {
            s.setTcpNoDelay(true);
            return s;
        }
    }

    /** Paho's callbacks; they run on the client's callback thread. */
    private final class Callback implements MqttCallbackExtended {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            handle(topic, message.getPayload());
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return; // start() subscribes and waits for the grant
            }
            // A clean session forgets its subscriptions when the connection drops.
            try {
                client.subscribe(TELEMETRY_FILTER, QOS);
                LOG.info("MQTT bridge reconnected to {}, subscribed again", serverUri);
            } catch (MqttException e) {
                logOnce("resubscribe:" + e.getReasonCode(), "Cannot subscribe again after reconnecting to "
                        + serverUri + "; telemetry will not arrive until the next reconnect", e);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            connectionsLost.increment();
            LOG.warn("MQTT bridge lost its connection ({}); reconnecting",
                    cause == null ? "no cause" : cause.toString());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Rejection reports are fire-and-forget at QoS 1: Paho retries them while connected.
        }
    }
}
