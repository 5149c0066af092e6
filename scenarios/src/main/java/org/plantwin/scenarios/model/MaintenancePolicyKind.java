package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The built-in maintenance policies. */
public enum MaintenancePolicyKind {
    /** Never maintain; repair after each failure. */
    @JsonProperty("runToFailure") RUN_TO_FAILURE,
    /** Maintain after every {@code interval} of operating time since the last maintenance or repair. */
    @JsonProperty("fixedInterval") FIXED_INTERVAL,
    /** Maintain when the predicted remaining useful life falls below {@code threshold}. */
    @JsonProperty("predictive") PREDICTIVE
}
