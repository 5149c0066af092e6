package org.plantwin.twin.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thinner envs on the library's supply chain: truck dispatch and replenishment. */
class SupplyChainEnvTest {

    @Test
    void dispatchPaysMinusTheTotalCostWhenTheHorizonTruncatesTheEpisode() {
        PlantEnv env = Envs.create("dispatch", Map.of("horizon", "3d", "slots", 4));
        assertThat(env.actionSpace()).isEqualTo(new Space.MultiDiscrete(new int[] {2, 2, 2, 2}));
        ResetResult r = env.reset(1, Map.of());
        boolean[] mask = r.actionMask();
        StepResult s = null;
        int steps = 0;
        while (!env.done()) {
            int[] all = new int[4];
            for (int i = 0; i < 4; i++) {
                all[i] = mask[i] ? 1 : 0;
            }
            s = env.step(all);
            mask = s.actionMask();
            steps++;
            if (!s.done()) {
                assertThat(s.reward()).isZero();
            }
        }
        assertThat(steps).isPositive();
        assertThat(s.truncated()).isTrue();
        assertThat(s.terminated()).isFalse();
        assertThat(s.reward()).isEqualTo(-(double) s.info().get("totalCost")).isNegative();
    }

    @Test
    void replenishmentChargesHoldingAndBackordersAtEachReview() {
        ReplenishmentEnv env = (ReplenishmentEnv) Envs.create("replenishment", Map.of("horizon", "20d"));
        env.reset(3, Map.of());
        int steps = 0;
        double ret = 0;
        while (!env.done()) {
            long position = env.view().position();
            StepResult s = env.step((int) Math.max(0, Math.min(20, (400 - position) / env.orderStep())));
            assertThat(s.reward()).isLessThanOrEqualTo(0);
            ret += s.reward();
            steps++;
        }
        assertThat(steps).isEqualTo(19); // daily reviews at 1d..19d
        assertThat(ret).isNegative();
        assertThatThrownBy(() -> env.step(0)).hasMessageContaining("reset");
    }

    @Test
    void unknownKindsAndParametersAreRejectedWithTheAllowedOnes() {
        assertThatThrownBy(() -> Envs.create("chess", Map.of())).hasMessageContaining("(chess)")
                .hasMessageContaining("jobshop");
        assertThatThrownBy(() -> Envs.create("jobshop", Map.of("jobz", 3))).hasMessageContaining("(jobz)")
                .hasMessageContaining("jobs");
    }
}
