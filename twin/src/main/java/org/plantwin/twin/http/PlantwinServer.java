package org.plantwin.twin.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.twin.experiment.RunExecutor;
import org.plantwin.twin.live.MqttBridge;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.twin.live.TelemetryIngest;

/**
 * The plantwin HTTP service: the JSON API and the dashboard on one port.
 *
 * <pre>{@code
 * try (PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0))) {
 *     System.out.println(server.baseUrl()); // http://127.0.0.1:41234
 * }
 * }</pre>
 *
 * <p>Two actor systems: one for HTTP (Pekko HTTP's streams), and the {@link SimulationRuntime}'s, whose lanes run
 * the simulations; experiments and plans wait for their work on a bounded pool of worker threads.
 */
public final class PlantwinServer implements AutoCloseable {

    private final ActorSystem<Void> system;
    private final SimulationRuntime runtime;
    private final ExecutorService workers;
    private final HttpMetrics metrics;
    private final ServerBinding binding;
    private final ServerSettings settings;
    private MqttBridge mqtt; // guarded by this
    private final org.plantwin.twin.live.TwinService live;
    /** The anomaly model watching the live twins' sensors (closed after the actor system), or null. */
    private final SensorAutoencoder anomalyModel;

    private PlantwinServer(ServerSettings settings, RunExecutor experimentRuns,
                           org.plantwin.twin.live.TwinService twins) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Config config = ConfigFactory.parseString(String.join("\n",
                "pekko.loglevel = WARNING",
                "pekko.log-dead-letters = off",
                "pekko.coordinated-shutdown.exit-jvm = off",
                "pekko.http.server.parsing.max-content-length = " + settings.maxBodyBytes(),
                "pekko.http.server.request-timeout = " + (settings.maxPlanTime().toSeconds() + 60) + "s",
                "pekko.http.server.idle-timeout = 300s",
                "pekko.http.server.server-header = plantwin",
                "pekko.http.server.max-connections = 1024"))
                .withFallback(ConfigFactory.load());
        this.anomalyModel = anomalyModel(settings, twins);
        this.runtime = SimulationRuntime.create(settings.lanes());
        this.workers = Executors.newFixedThreadPool(settings.maxJobs(), daemonThreads());
        Jobs jobs = new Jobs(settings.maxJobs(), settings.retainedJobs(), Clock.systemUTC());
        this.metrics = new HttpMetrics(jobs);
        JobService service = new JobService(runtime, experimentRuns, jobs, workers, metrics);
        ActorSystem<Void> sys = null;
        try {
            sys = ActorSystem.create(Behaviors.empty(), "plantwin-http", config);
            this.live = twins != null ? twins : org.plantwin.twin.live.LiveTwins.open(sys, workers,
                    settings.liveDir(), System::currentTimeMillis, // the pacer's wall clock, outside the simulation
                    anomalyModel);
            ApiRoutes routes = new ApiRoutes(settings, service, metrics, live);
            this.binding = Http.get(sys).newServerAt(settings.bind(), settings.port()).bind(routes.route())
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (sys != null) {
                sys.terminate();
            }
            runtime.close();
            workers.shutdownNow();
            metrics.close();
            if (anomalyModel != null) {
                anomalyModel.close();
            }
            throw new IllegalStateException("Cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + ". Maybe the port is taken; try --port 0 for a free one.", e);
        }
        this.system = sys;
    }

    /** Loads the settings' anomaly model (null when none is set). */
    private static SensorAutoencoder anomalyModel(ServerSettings settings, org.plantwin.twin.live.TwinService twins) {
        if (settings.anomalyModel() == null) {
            return null;
        }
        if (twins != null) {
            throw new IllegalStateException("The anomaly model (" + settings.anomalyModel() + ") watches the live"
                    + " twins this server hosts itself, not sharded ones. Maybe leave out --anomaly-model, or --cluster"
                    + " or --live-dir.");
        }
        try {
            return SensorAutoencoder.load(settings.anomalyModel(), 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " Maybe give a folder that SensorAutoencoder.save"
                    + " wrote (autoencoder.json and autoencoder-0000.params).", e);
        }
    }

    /** Binds and starts serving; returns once the port is open. */
    public static PlantwinServer start(ServerSettings settings) {
        return start(settings, null);
    }

    /**
     * Binds and starts serving; experiments run their replications on {@code experimentRuns} (a cluster's
     * executor, see {@code org.plantwin.twin.cluster.ClusterNode#executor()}), single runs on the local lanes.
     * Null: experiments run on the local lanes too.
     */
    public static PlantwinServer start(ServerSettings settings, RunExecutor experimentRuns) {
        return start(settings, experimentRuns, null);
    }

    /**
     * As {@link #start(ServerSettings, RunExecutor)}, with the live twins served by {@code twins} (a cluster's
     * {@code ShardedTwins}); null: this server hosts its own ({@code LiveTwins} in {@link ServerSettings#liveDir()}).
     */
    public static PlantwinServer start(ServerSettings settings, RunExecutor experimentRuns,
                                       org.plantwin.twin.live.TwinService twins) {
        // Initialise logging before Pekko starts so that no log call is queued and replayed with a warning.
        org.slf4j.LoggerFactory.getILoggerFactory();
        return new PlantwinServer(settings, experimentRuns, twins);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return binding.localAddress().getPort();
    }

    public InetSocketAddress address() {
        return binding.localAddress();
    }

    /** {@code http://HOST:PORT}, with the bind address as host. */
    public String baseUrl() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return "http://" + host + ":" + port();
    }

    /**
     * LIVE-TWIN WIRING POINT: starts the MQTT bridge of {@link ServerSettings#mqttBroker()} (if set) feeding
     * {@code ingest}, its counters on {@code /metrics}; the server closes it. Call once, with the live-twin service,
     * after {@link #start}; {@code plantwin serve --mqtt URI} will call it once that service exists.
     *
     * @return the bridge, or null when the settings name no broker
     * @throws IllegalStateException when the broker cannot be reached, or a bridge is already running
     */
    public synchronized MqttBridge startMqtt(TelemetryIngest ingest) {
        Objects.requireNonNull(ingest, "ingest");
        if (settings.mqttBroker() == null) {
            return null;
        }
        if (mqtt != null) {
            throw new IllegalStateException("The MQTT bridge to " + settings.mqttBroker() + " is already running.");
        }
        mqtt = MqttBridge.start(settings.mqttBroker(), settings.mqttClientIdOrDefault(), ingest);
        mqtt.bindTo(metrics.registry());
        return mqtt;
    }

    /** The live twins this server hosts (also the {@link TelemetryIngest} of its HTTP and MQTT telemetry). */
    public org.plantwin.twin.live.TwinService liveTwins() {
        return live;
    }

    /** Starts the MQTT bridge of the settings (if any) feeding this server's live twins. */
    public MqttBridge startMqtt() {
        return startMqtt(live);
    }

    /** Blocks until the server is closed (for {@code plantwin serve}). */
    public void awaitTermination() {
        system.getWhenTerminated().toCompletableFuture().join();
    }

    /** Stops the MQTT bridge and listening, ends open connections within 5 s, stops the runs and the workers. */
    @Override
    public void close() {
        synchronized (this) {
            if (mqtt != null) {
                mqtt.close();
            }
        }
        try {
            binding.terminate(Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing anyway: the actor system's termination below ends what is left.
            LoggerHolder.LOG.warn("The HTTP binding did not terminate cleanly", e);
        }
        if (live instanceof org.plantwin.twin.live.LiveTwins local) {
            local.close();
        }
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        workers.shutdownNow();
        runtime.close();
        metrics.close();
        if (anomalyModel != null) {
            anomalyModel.close();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "plantwin-http-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class LoggerHolder {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlantwinServer.class);
    }
}
