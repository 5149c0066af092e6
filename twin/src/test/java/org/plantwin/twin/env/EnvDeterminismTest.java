package org.plantwin.twin.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same seed and the same actions give the same trajectory, bit for bit. */
class EnvDeterminismTest {

    /** Observations as raw float bits and rewards as raw double bits, step by step, with random masked actions. */
    private static List<String> trajectory(PlantEnv env, long seed, long actionSeed) {
        SplittableRandom rng = new SplittableRandom(actionSeed);
        List<String> t = new ArrayList<>();
        ResetResult r = env.reset(seed, Map.of());
        t.add(bits(r.observation()) + Arrays.toString(r.actionMask()));
        boolean[] mask = r.actionMask();
        while (!env.done()) {
            Object action;
            if (env.actionSpace() instanceof Space.MultiDiscrete md) {
                int[] a = new int[md.nvec().length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = mask[i] ? rng.nextInt(2) : 0;
                }
                action = a;
            } else {
                boolean[] m = mask;
                int[] allowed = java.util.stream.IntStream.range(0, m.length).filter(i -> m[i]).toArray();
                action = allowed[rng.nextInt(allowed.length)];
            }
            StepResult s = env.step(action);
            t.add(bits(s.observation()) + " " + Double.doubleToRawLongBits(s.reward()) + " " + s.terminated() + " "
                    + s.truncated() + Arrays.toString(s.actionMask()));
            mask = s.actionMask();
        }
        return t;
    }

    private static String bits(float[] o) {
        StringBuilder b = new StringBuilder();
        for (float f : o) {
            b.append(Integer.toHexString(Float.floatToRawIntBits(f))).append(',');
        }
        return b.toString();
    }

    @Test
    void aRandomJobShopGivesTheSameTrajectoryForTheSameSeedAndActions() {
        List<String> a = trajectory(JobShopEnv.random(6, 6, JobShopEnv.Reward.MAKESPAN), 7, 1);
        List<String> b = trajectory(JobShopEnv.random(6, 6, JobShopEnv.Reward.MAKESPAN), 7, 1);
        List<String> otherActions = trajectory(JobShopEnv.random(6, 6, JobShopEnv.Reward.MAKESPAN), 7, 2);
        List<String> otherSeed = trajectory(JobShopEnv.random(6, 6, JobShopEnv.Reward.MAKESPAN), 8, 1);
        assertThat(a).hasSizeGreaterThan(3).isEqualTo(b);
        assertThat(a).isNotEqualTo(otherActions);
        assertThat(a).isNotEqualTo(otherSeed);
    }

    @Test
    void theSameEnvObjectRepeatsItselfAfterReset() {
        JobShopEnv env = JobShopEnv.of(JobShopEnvTest.ft06(), JobShopEnv.Reward.MAKESPAN);
        assertThat(trajectory(env, 0, 3)).isEqualTo(trajectory(env, 0, 3));
    }

    @Test
    void dispatchAndReplenishmentAreDeterministicToo() {
        Map<String, Object> d = Map.of("horizon", "2d");
        assertThat(trajectory(Envs.create("dispatch", d), 5, 1)).isEqualTo(trajectory(Envs.create("dispatch", d), 5, 1));
        Map<String, Object> p = Map.of("horizon", "20d");
        assertThat(trajectory(Envs.create("replenishment", p), 5, 1))
                .isEqualTo(trajectory(Envs.create("replenishment", p), 5, 1));
    }

    @Test
    void aVectorEnvGivesTheSameResultsWithOneOrTwoThreads() {
        List<String> one = vectorRun(1);
        List<String> two = vectorRun(2);
        assertThat(one).isEqualTo(two);
    }

    private static List<String> vectorRun(int threads) {
        List<JobShopEnv> envs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            envs.add(JobShopEnv.random(5, 4, JobShopEnv.Reward.MAKESPAN));
        }
        List<String> t = new ArrayList<>();
        try (VectorEnv v = new VectorEnv(envs, threads)) {
            VectorEnv.Step s = v.reset(100);
            for (int k = 0; k < 60; k++) {
                int[] actions = new int[v.size()];
                for (int i = 0; i < actions.length; i++) {
                    boolean[] m = s.actionMasks()[i];
                    int a = 0;
                    while (!m[a]) {
                        a++;
                    }
                    actions[i] = a;
                }
                s = v.step(actions);
                t.add(Arrays.toString(s.rewards()) + Arrays.toString(s.terminated()) + Arrays.deepToString(s.observations()));
            }
        }
        return t;
    }
}
