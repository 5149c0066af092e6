package org.plantwin.twin.env;

import java.util.Map;

/**
 * A Gymnasium-style environment over the twin: each step is one decision point of a {@link
 * org.plantwin.actors.api.SteppedRun}. {@code reset} starts a new run and runs to its first decision;
 * {@code step} applies the action and runs to the next one. The same seed and the same actions give the same
 * trajectory, bit for bit. Not thread-safe: one env per thread (see {@link VectorEnv} for many).
 *
 * <pre>{@code
 * PlantEnv env = JobShopEnv.of(JsspFormat.read(Path.of("ft06.txt")), JobShopEnv.Reward.MAKESPAN);
 * ResetResult r = env.reset(42, Map.of());
 * boolean[] mask = r.actionMask();
 * double ret = 0;
 * for (boolean done = false; !done;) {
 *     int a = firstTrue(mask);                 // any job whose mask is true
 *     StepResult s = env.step(a);
 *     ret += s.reward();
 *     mask = s.actionMask();
 *     done = s.done();
 * }
 * // ret == -makespan
 * }</pre>
 */
public interface PlantEnv extends AutoCloseable {

    /** The kind of environment, as the HTTP API names it ({@code jobshop}, {@code dispatch}, {@code replenishment}). */
    String kind();

    Space observationSpace();

    Space actionSpace();

    /** Starts a new episode; {@code seed} picks the random instance or the run's random streams. */
    ResetResult reset(long seed, Map<String, Object> options);

    /**
     * Applies the action: an Integer for a Discrete space, an int[] for a MultiDiscrete one, a float[] (or a
     * Number for one float) for a Box. An action outside the mask fails with the allowed ones in the message.
     */
    StepResult step(Object action);

    /** True between the end of an episode and the next reset (and before the first). */
    boolean done();

    @Override
    default void close() {
    }
}
