package org.plantwin.twin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.twin.api.Plantwin;
import org.plantwin.twin.cli.PlantwinCli;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentJson;
import org.plantwin.twin.experiment.ExperimentRunner;
import org.plantwin.twin.experiment.PathOverride;
import org.plantwin.twin.experiment.Variant;

/** A one-node cluster through the facade; settings and CLI checks. Multi-node behaviour: {@code ClusterIT}. */
class ClusterNodeTest {

    @Test
    void aOneNodeClusterGivesTheSameExperimentAsLocalLanes() {
        Experiment e = Experiment.of("cluster", Scenarios.library("mm1")).withReplications(6).withHorizon("20000m")
                .withVariants(List.of(Variant.of("base"), Variant.of("other-seed", PathOverride.of("seed", 11))))
                .withCompare(true);
        String local = ExperimentJson.write(ExperimentRunner.run(e, 1, null));
        try (Plantwin.ClusterEngine engine = Plantwin.cluster(ClusterSettings.defaults().withPort(0).withLanes(2))) {
            engine.awaitMembersUp(1, Duration.ofSeconds(20));
            assertThat(engine.address()).startsWith("pekko://plantwin@127.0.0.1:");
            assertThat(ExperimentJson.write(engine.experiment(e, null).join())).isEqualTo(local);
        }
    }

    @Test
    void seedNodesAreHostPortOrPekkoAddresses() {
        assertThat(ClusterSettings.seedAddress("10.0.0.5:2551")).isEqualTo("pekko://plantwin@10.0.0.5:2551");
        assertThat(ClusterSettings.seedAddress("pekko://plantwin@h:1")).isEqualTo("pekko://plantwin@h:1");
        assertThatThrownBy(() -> ClusterSettings.seedAddress("node1")).hasMessageContaining("(node1)")
                .hasMessageContaining("Maybe");
        assertThatThrownBy(() -> ClusterSettings.seedAddress("node1:x")).hasMessageContaining("(node1:x)");
    }

    @Test
    void serveRefusesClusterOptionsWithoutCluster() {
        StringWriter err = new StringWriter();
        int code = PlantwinCli.execute(new String[] {"serve", "--port", "0", "--seed-nodes", "127.0.0.1:2551"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("need --cluster");
    }
}
