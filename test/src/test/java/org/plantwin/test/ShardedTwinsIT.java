package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Live twins as Cluster Sharding entities on three real nodes (127.0.0.1, free ports): twins spread over the nodes,
 * and a twin whose node crashes comes back on another node with the same state (replayed from its journal).
 */
class ShardedTwinsIT {

    private static final String FAST = ClusterTestConfig.FAST;
    private static final String CRASH = ClusterTestConfig.CRASH;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

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
            JsonNode created = json(twins.create(id, "supply-chain", i, 0, 0));
            assertThat(created.has("error")).as(created.toString()).isFalse();
            JsonNode report = json(twins.ingest(id, "{\"messages\": [{\"id\": \"d\", \"kind\": \"machineState\","
                    + " \"simTime\": \"5h\", \"machine\": \"L1-M2\", \"state\": \"down\"}, {\"id\": \"i\", \"kind\":"
                    + " \"inventory\", \"simTime\": \"6h\", \"warehouse\": \"FG\", \"product\": \"A\", \"level\": "
                    + (50 + i) + "}]}"));
            assertThat(report.get("accepted").asInt()).isEqualTo(2);
            JsonNode state = json(twins.state(id));
            hostOf.put(id, state.get("node").asText());
            before.put(id, state);
        }
        assertThat(new java.util.HashSet<>(hostOf.values())).as("twins spread over the nodes").hasSizeGreaterThan(1);

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

    /** The state, retried while the twin's shard moves (asks to a downed node time out). */
    private static JsonNode awaitState(ShardedTwins twins, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return json(twins.state(id));
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }

    private static JsonNode json(java.util.concurrent.CompletionStage<String> s) throws Exception {
        return JSON.readTree(s.toCompletableFuture().get(40, TimeUnit.SECONDS));
    }
}
