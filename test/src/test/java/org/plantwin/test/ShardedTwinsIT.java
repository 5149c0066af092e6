package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.twin.cluster.ClusterNode;
import org.plantwin.twin.cluster.ClusterSettings;
import org.plantwin.twin.cluster.ShardedTwins;
import org.plantwin.twin.http.PlantwinServer;
import org.plantwin.twin.http.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Live twins as Cluster Sharding entities on three real nodes (127.0.0.1, free ports): twins spread over the nodes,
 * and a twin whose node crashes comes back on another node with the same state (replayed from its journal).
 */
class ShardedTwinsIT {

    private static final String FAST = ClusterTestConfig.FAST;
    private static final String CRASH = ClusterTestConfig.CRASH;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path shared;

    private final List<ClusterNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::close))
                .toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    }

    private ClusterNode node(String extra, List<String> seeds) {
        ClusterNode n = ClusterNode.start(ClusterSettings.defaults().withPort(0).withLanes(1).withSeedNodes(seeds)
                .withExtraConfig(FAST + "\n" + extra));
        nodes.add(n);
        return n;
    }

    @Test
    void twinsSpreadOverNodesAndMoveWithTheirStateWhenANodeCrashes() throws Exception {
        ClusterNode first = node("", List.of());
        ClusterNode second = node(CRASH, List.of(first.hostPort()));
        ClusterNode third = node(CRASH, List.of(first.hostPort()));
        first.awaitMembersUp(3, WAIT);
        ShardedTwins twins = first.liveTwins(shared);
        second.liveTwins(shared);
        third.liveTwins(shared);

        Map<String, String> hostOf = new LinkedHashMap<>();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String id = "plant" + i;
            JsonNode created = get(twins.create(id, "supply-chain", null, i, 0));
            assertThat(created.get("id").asText()).isEqualTo(id);
            var report = get(twins.ingestAsync(id, "{\"messages\": [{\"id\": \"d\", \"kind\": \"machineState\","
                    + " \"simTime\": \"5h\", \"machine\": \"L1-M2\", \"state\": \"down\"}, {\"id\": \"i\", \"kind\":"
                    + " \"inventory\", \"simTime\": \"6h\", \"warehouse\": \"FG\", \"product\": \"A\", \"level\": "
                    + (50 + i) + "}]}"));
            assertThat(report.accepted()).isEqualTo(2);
            JsonNode state = get(twins.state(id));
            hostOf.put(id, state.get("node").asText());
            before.put(id, state);
        }
        assertThat(new java.util.HashSet<>(hostOf.values())).as("twins spread over the nodes").hasSizeGreaterThan(1);
        assertThat(twins.list()).hasSize(12);
        // A fork runs on the twin's node and answers through the sharding.
        JsonNode fork = get(twins.fork("plant0", new org.plantwin.actors.api.Fork(24 * 3_600_000L, 2, 3L, List.of())));
        assertThat(fork.get("replications").asInt()).isEqualTo(2);

        // The HTTP routes serve the sharded twins (as plantwin serve --cluster --live-dir does).
        try (PlantwinServer server = PlantwinServer.start(ServerSettings.defaults().withPort(0).withLanes(1), null,
                twins)) {
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/twins")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(list).contains("\"plant11\"");
            HttpResponse<String> telemetry = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/twins/plant3/telemetry")).POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"cycleTime\","
                    + " \"machine\": \"L1-M1\", \"seconds\": 61}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(telemetry.body()).contains("\"accepted\":1");
            before.put("plant3", get(twins.state("plant3")));
        }

        ClusterNode victim = hostOf.containsValue(third.address()) ? third : second;
        String victimAddress = victim.address();
        victim.close(); // crashes: no graceful leave, the split brain resolver downs it
        nodes.remove(victim);

        for (Map.Entry<String, String> e : hostOf.entrySet()) {
            JsonNode after = awaitState(twins, e.getKey());
            assertThat(after.get("entities")).as(e.getKey()).isEqualTo(before.get(e.getKey()).get("entities"));
            assertThat(after.get("simMillis")).isEqualTo(before.get(e.getKey()).get("simMillis"));
            assertThat(after.get("node").asText()).isNotEqualTo(victimAddress);
        }
    }

    /** The state, retried while the twin's shard moves (an ask sent before the node is downed is lost: retry). */
    private static JsonNode awaitState(ShardedTwins twins, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return get(twins.state(id));
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(70, TimeUnit.SECONDS);
    }
}
