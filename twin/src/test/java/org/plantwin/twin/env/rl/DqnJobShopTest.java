package org.plantwin.twin.env.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tiny training through DJL's QAgent: the loop, the replay buffer and the evaluation table work end to end. */
class DqnJobShopTest {

    @Test
    void aTinyTrainingRunsAndReportsGapsAgainstTheRules() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DqnJobShop.Report r = DqnJobShop.run(Map.of("jobs", "4", "machines", "3", "episodes", "20", "batch", "8",
                "validation", "3", "eval", "ft06", "data", "../../shared/data/jssp"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(r.steps()).isPositive();
        assertThat(r.validationMeanMakespan()).containsKeys("DQN", "SPT", "MWKR", "MOPNR");
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.bestKnown()).isEqualTo(55);
            assertThat(row.makespans().get("DQN")).isGreaterThanOrEqualTo(55);
            assertThat(row.makespans().get("MWKR")).isEqualTo(61);
        });
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("mean gap");
    }
}
