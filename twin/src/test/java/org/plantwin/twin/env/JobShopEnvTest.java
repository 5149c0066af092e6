package org.plantwin.twin.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.ShopInstance;

class JobShopEnvTest {

    static final Path JSSP = Path.of("..", "..", "shared", "data", "jssp");

    static ShopInstance ft06() {
        return JsspFormat.read(JSSP.resolve("ft06.txt"));
    }

    @Test
    void theReturnOfAnEpisodeIsMinusTheMakespan() {
        JobShopEnv env = JobShopEnv.of(ft06(), JobShopEnv.Reward.MAKESPAN);
        for (JobShopRule rule : JobShopRule.values()) {
            double ret = rule.episode(env, 1);
            double makespan = (double) env.result().sinks().get(0).cycleTimeMaxMinutes();
            assertThat(ret).as(rule.name()).isEqualTo(-makespan);
            assertThat(makespan).isGreaterThanOrEqualTo(55);
        }
    }

    @Test
    void anActionOutsideTheMaskIsRejectedWithTheAllowedJobs() {
        JobShopEnv env = JobShopEnv.of(ft06(), JobShopEnv.Reward.MAKESPAN);
        ResetResult r = env.reset(0, Map.of());
        int bad = -1;
        for (int j = 0; j < r.actionMask().length; j++) {
            if (!r.actionMask()[j]) {
                bad = j;
                break;
            }
        }
        int b = bad;
        assertThatThrownBy(() -> env.step(b)).hasMessageContaining("(" + b + ")").hasMessageContaining("waiting at");
    }

    @Test
    void mwkrAndMopnrThroughTheTwinMatchThePlannersNonDelaySchedulesOnFt06() {
        JobShopEnv env = JobShopEnv.of(ft06(), JobShopEnv.Reward.MAKESPAN);
        // dispatch_rule_oracles.csv: nd_mwkr 61, nd_mopnr 59 (nd_spt 88: the twin decides per machine, not over all
        // machines at once, so its SPT differs).
        assertThat(JobShopRule.MWKR.episode(env, 0)).isEqualTo(-61.0);
        assertThat(JobShopRule.MOPNR.episode(env, 0)).isEqualTo(-59.0);
    }

    @Test
    void tardinessAndFlowtimeArePaidAtTheEnd() {
        JobShopEnv env = JobShopEnv.of(ft06(), JobShopEnv.Reward.FLOWTIME);
        env.reset(0, Map.of());
        double early = 0;
        StepResult s = null;
        while (!env.done()) {
            s = env.step(JobShopRule.MWKR.pick(env));
            if (!s.done()) {
                early += s.reward();
            }
        }
        assertThat(early).isZero();
        assertThat(s.reward()).isEqualTo(-(double) s.info().get("flowtime")).isNegative();
    }

    @Test
    void theSpacesDescribeThemselvesForJson() {
        JobShopEnv env = JobShopEnv.random(6, 6, JobShopEnv.Reward.MAKESPAN);
        assertThat(env.observationSpace().describe()).containsEntry("type", "Box");
        assertThat(env.observationSpace().size()).isEqualTo(6 * JobShopEnv.FEATURES + JobShopEnv.GLOBALS);
        assertThat(env.actionSpace().describe()).containsEntry("n", 6);
    }
}
