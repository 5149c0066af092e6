package org.plantwin.twin.http;

import java.time.Duration;
import java.util.Objects;
import org.plantwin.twin.live.MqttBridge;

/**
 * How the HTTP service runs.
 *
 * @param bind          the address to listen on; {@code 127.0.0.1} unless told otherwise
 * @param port          0 picks a free port
 * @param token         the bearer token every API call must carry, or null for none
 * @param maxBodyBytes  larger request bodies get 413
 * @param maxJobs       runs, experiments and plans at once; the next one gets 429 with Retry-After
 * @param lanes         simulation lanes (threads)
 * @param retainedJobs  finished jobs kept for their results; older ones are forgotten (404)
 * @param maxPlanTime   the longest time limit a plan request may ask for
 * @param mqttBroker    the MQTT broker live-twin telemetry comes from ({@code tcp://host:port}), or null for none;
 *                      see {@link PlantwinServer#startMqtt}
 * @param mqttClientId  the client id at that broker, or null for {@code plantwin-PID}
 * @param liveDir       where live twins persist their definition and telemetry journal (restored on start), or
 *                      null to keep them in memory only
 * @param anomalyModel  a folder holding a saved sensor autoencoder that watches the live twins' sensor readings
 *                      and raises alarms on their change streams, or null for none
 */
public record ServerSettings(String bind, int port, String token, long maxBodyBytes, int maxJobs, int lanes,
                             int retainedJobs, Duration maxPlanTime, String mqttBroker, String mqttClientId,
                             java.nio.file.Path liveDir, java.nio.file.Path anomalyModel) {

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(maxPlanTime, "maxPlanTime");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port (" + port + ") must be in 0..65535.");
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("The token must not be blank; leave it out for no token.");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("The body limit (" + maxBodyBytes + ") must be >= 1024 bytes.");
        }
        if (maxJobs < 1 || lanes < 1 || retainedJobs < 1) {
            throw new IllegalArgumentException("maxJobs (" + maxJobs + "), lanes (" + lanes + ") and retainedJobs ("
                    + retainedJobs + ") must be >= 1.");
        }
        if (mqttBroker != null) {
            MqttBridge.validateBrokerUri(mqttBroker);
        }
        if (mqttClientId != null && mqttClientId.isBlank()) {
            throw new IllegalArgumentException("The MQTT client id must not be blank; leave it out for plantwin-PID.");
        }
    }

    /** 127.0.0.1:8080, no token, 1 MiB bodies, 2 jobs per core, one lane per core, 200 finished jobs kept. */
    public static ServerSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerSettings("127.0.0.1", 8080, null, 1 << 20, Math.max(4, 2 * cores), cores, 200,
                Duration.ofSeconds(60), null, null, null, null);
    }

    public ServerSettings withBind(String b) {
        return new ServerSettings(b, port, token, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(bind, p, token, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withToken(String t) {
        return new ServerSettings(bind, port, t, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withMaxBodyBytes(long n) {
        return new ServerSettings(bind, port, token, n, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withMaxJobs(int n) {
        return new ServerSettings(bind, port, token, maxBodyBytes, n, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withLanes(int n) {
        return new ServerSettings(bind, port, token, maxBodyBytes, maxJobs, n, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withRetainedJobs(int n) {
        return new ServerSettings(bind, port, token, maxBodyBytes, maxJobs, lanes, n, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, anomalyModel);
    }

    /** Telemetry from the MQTT broker at {@code uri} (null: none). */
    public ServerSettings withMqttBroker(String uri) {
        return new ServerSettings(bind, port, token, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime, uri,
                mqttClientId, liveDir, anomalyModel);
    }

    public ServerSettings withMqttClientId(String id) {
        return new ServerSettings(bind, port, token, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, id, liveDir, anomalyModel);
    }

    /** The MQTT client id to use: the one set, or {@code plantwin-PID}. */
    public String mqttClientIdOrDefault() {
        return mqttClientId != null ? mqttClientId : "plantwin-" + ProcessHandle.current().pid();
    }

    public ServerSettings withLiveDir(java.nio.file.Path dir) {
        return new ServerSettings(bind, port, token, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, dir, anomalyModel);
    }

    /** Watch live sensor readings with the autoencoder saved in {@code dir} (null: none). */
    public ServerSettings withAnomalyModel(java.nio.file.Path dir) {
        return new ServerSettings(bind, port, token, maxBodyBytes, maxJobs, lanes, retainedJobs, maxPlanTime,
                mqttBroker, mqttClientId, liveDir, dir);
    }

    @Override
    public String toString() {
        // Never print the token.
        return "ServerSettings[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", maxBodyBytes=" + maxBodyBytes + ", maxJobs=" + maxJobs + ", lanes=" + lanes + ", retainedJobs="
                + retainedJobs + ", maxPlanTime=" + maxPlanTime + ", mqttBroker=" + mqttBroker + ", mqttClientId="
                + mqttClientId + "]";
    }
}
