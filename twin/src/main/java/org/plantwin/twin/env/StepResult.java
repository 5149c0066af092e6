package org.plantwin.twin.env;

import java.util.Map;

/**
 * What {@link PlantEnv#step} returns, as in Gymnasium: the next observation, the reward of the action,
 * {@code terminated} (the task is over: every job done), {@code truncated} (the run reached its horizon before),
 * the mask of the next decision (all false at the end) and info.
 */
public record StepResult(float[] observation, double reward, boolean terminated, boolean truncated,
                         boolean[] actionMask, Map<String, Object> info) {

    /** True when the episode is over, either way. */
    public boolean done() {
        return terminated || truncated;
    }
}
