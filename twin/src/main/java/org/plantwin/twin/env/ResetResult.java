package org.plantwin.twin.env;

import java.util.Map;

/**
 * What {@link PlantEnv#reset} returns: the first observation, the mask of the actions allowed at the first
 * decision ({@code actionMask[i]} for Discrete action {@code i}, or per slot of a MultiDiscrete action) and info.
 */
public record ResetResult(float[] observation, boolean[] actionMask, Map<String, Object> info) {
}
