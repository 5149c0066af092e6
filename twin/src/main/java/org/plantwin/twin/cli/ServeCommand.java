package org.plantwin.twin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantwin.twin.cluster.ClusterNode;
import org.plantwin.twin.cluster.ClusterSettings;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plantwin serve}: the HTTP/JSON API and the dashboard until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP/JSON API (/openapi.json) and the dashboard (/) until stopped (Ctrl-C).",
                "Listens on 127.0.0.1 unless --bind says otherwise; with --token-file every API call needs"
                        + " 'Authorization: Bearer TOKEN'.",
                "With --cluster it also joins a Pekko cluster: its lanes run other nodes' experiment runs, and the"
                        + " experiments it receives spread over every node's lanes."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the bearer token (first line).")
    Path tokenFile;

    @Option(names = "--max-jobs", paramLabel = "N", description = "Runs, experiments and plans at once (default: 2 per core, at least 4).")
    Integer maxJobs;

    @Option(names = "--max-body", defaultValue = "1048576", paramLabel = "BYTES", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--lanes", paramLabel = "N", description = "Simulation lanes (default: one per core).")
    Integer lanes;

    @Option(names = "--cluster", description = "Join (or, without seed nodes, start) a plantwin cluster.")
    boolean cluster;

    @Option(names = "--seed-nodes", split = ",", paramLabel = "HOST:PORT",
            description = "Cluster seed nodes, comma-separated (host:port or pekko://plantwin@host:port); none:"
                    + " this node starts a new cluster.")
    List<String> seedNodes;

    @Option(names = "--cluster-host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address other nodes reach this one at (default: ${DEFAULT-VALUE}).")
    String clusterHost;

    @Option(names = "--cluster-port", defaultValue = "2551", paramLabel = "N",
            description = "Cluster (Artery TCP) port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int clusterPort;

    @Option(names = "--live-dir", paramLabel = "DIR",
            description = "Where live twins keep their definition and telemetry journal; they are restored from it"
                    + " on start (default: none, twins live in memory only).")
    java.nio.file.Path liveDir;

    @Option(names = "--mqtt", paramLabel = "URI",
            description = "MQTT broker that live-twin telemetry comes from (tcp://host:port); topics in"
                    + " docs/design/live.md, \"MQTT\".")
    String mqtt;

    @Option(names = "--mqtt-client-id", paramLabel = "ID",
            description = "Client id at the MQTT broker (default: plantwin-PID); unique per server.")
    String mqttClientId;

    @Option(names = "--anomaly-model", paramLabel = "MODEL_DIR",
            description = "A sensor autoencoder (a folder SensorAutoencoder.save wrote) that watches the live twins'"
                    + " sensors telemetry; its alarms appear on each twin's change stream as sensorAlarm events"
                    + " (default: none).")
    Path anomalyModel;

    @Override
    public Integer call() throws Exception {
        if (!cluster && (seedNodes != null || clusterPort != 2551 || !"127.0.0.1".equals(clusterHost))) {
            spec.commandLine().getErr().println("Error: --seed-nodes, --cluster-host and --cluster-port need"
                    + " --cluster. Maybe add --cluster.");
            return PlantwinCli.EXIT_ERROR;
        }
        ServerSettings settings = ServerSettings.defaults().withBind(bind).withPort(port).withMaxBodyBytes(maxBody);
        if (tokenFile != null) {
            String token;
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                spec.commandLine().getErr().println("Error: cannot read the token file (" + tokenFile + "): "
                        + e.getMessage() + ". Maybe check the path and permissions.");
                return PlantwinCli.EXIT_ERROR;
            }
            if (token.isEmpty()) {
                spec.commandLine().getErr().println("Error: the token file (" + tokenFile + ") is empty. Maybe write"
                        + " a long random token on its first line.");
                return PlantwinCli.EXIT_ERROR;
            }
            settings = settings.withToken(token);
        }
        if (maxJobs != null) {
            settings = settings.withMaxJobs(maxJobs);
        }
        if (mqttClientId != null && mqtt == null) {
            spec.commandLine().getErr().println("Error: --mqtt-client-id needs --mqtt. Maybe add --mqtt"
                    + " tcp://127.0.0.1:1883.");
            return PlantwinCli.EXIT_ERROR;
        }
        try {
            settings = settings.withMqttBroker(mqtt).withMqttClientId(mqttClientId);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return PlantwinCli.EXIT_ERROR;
        }
        if (lanes != null) {
            settings = settings.withLanes(lanes);
        }
        settings = settings.withLiveDir(liveDir).withAnomalyModel(anomalyModel);
        ClusterNode node = null;
        if (cluster) {
            try {
                node = ClusterNode.start(ClusterSettings.defaults().withHost(clusterHost).withPort(clusterPort)
                        .withSeedNodes(seedNodes == null ? List.of() : seedNodes).withLanes(settings.lanes()));
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("Error: cannot join the cluster on " + clusterHost + ":"
                        + clusterPort + ": " + e.getMessage() + " Maybe the port is taken; try --cluster-port 0.");
                return PlantwinCli.EXIT_ERROR;
            }
        }
        PlantwinServer server;
        try {
            // On a cluster with a shared live directory, live twins are sharded over the nodes.
            server = PlantwinServer.start(settings, node == null ? null : node.executor(),
                    node != null && liveDir != null ? node.liveTwins(liveDir) : null);
        } catch (IllegalStateException e) {
            if (node != null) {
                node.close();
            }
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return PlantwinCli.EXIT_ERROR;
        }
        if (settings.mqttBroker() != null) {
            try {
                server.startMqtt();
            } catch (IllegalStateException e) {
                server.close();
                if (node != null) {
                    node.close();
                }
                spec.commandLine().getErr().println("Error: " + e.getMessage());
                return PlantwinCli.EXIT_ERROR;
            }
        }
        ClusterNode joined = node;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (joined != null) {
                joined.close();
            }
        }, "plantwin-serve-shutdown"));
        if (node != null) {
            spec.commandLine().getOut().println("plantwin cluster node " + node.address() + " (" + node.lanes()
                    + " lanes), seed nodes " + (seedNodes == null ? "none: a new cluster" : seedNodes) + ".");
        }
        spec.commandLine().getOut().println("plantwin serving " + server.baseUrl() + "/ (dashboard), "
                + server.baseUrl() + "/openapi.json (API)" + (settings.token() != null ? ", bearer token required" : "")
                + ". Ctrl-C stops.");
        spec.commandLine().getOut().flush();
        server.awaitTermination();
        return 0;
    }
}
