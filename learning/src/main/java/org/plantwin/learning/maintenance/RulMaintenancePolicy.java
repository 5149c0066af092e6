package org.plantwin.learning.maintenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.plantwin.actors.api.MaintenancePolicy;

/**
 * The predictive maintenance policy of the twin driven by a learnt {@link RulModel}: every {@code stride} cycles of
 * its machine it adds the latest sensor reading to the machine's history since the last restore (the steps
 * {@link TwinLives} trains on), predicts the remaining life in steps from the last window, converts it to operating
 * hours with the machine's mean hours per cycle so far, and maintains when that is below {@code thresholdHours}.
 * Inference runs inside the simulation, on its thread, in simulated time; it keeps state, so one instance per run
 * and machine (the model may be shared by the instances of one run, which run on one thread).
 */
public final class RulMaintenancePolicy implements MaintenancePolicy {

    private final RulModel model;
    private final int stride;
    private final double thresholdHours;
    /** Readings kept: the window and what its inputs depend on. */
    private final int window;
    private final ArrayDeque<double[]> history = new ArrayDeque<>();
    private long predictions;

    public RulMaintenancePolicy(RulModel model, int stride, double thresholdHours) {
        this.model = Objects.requireNonNull(model, "model");
        if (stride < 1) {
            throw new IllegalArgumentException("The stride (" + stride + ") must be >= 1.");
        }
        if (!(thresholdHours > 0)) {
            throw new IllegalArgumentException("The threshold (" + thresholdHours + " h) must be > 0.");
        }
        this.stride = stride;
        this.thresholdHours = thresholdHours;
        // The inputs of the last window depend on earlier cycles: the smoothing's state (kept until its weight is
        // below 1e-7: 100 cycles at alpha 0.15) and, with the age or baseline inputs, the whole life so far.
        this.window = RulProtocol.Inputs.of(model.descriptor().config()).memory(model.descriptor().window());
    }

    @Override
    public boolean maintainNow(View view) {
        if (view.cycles() % stride != 0 || view.readings().length == 0) {
            return false;
        }
        history.addLast(view.readings()[view.readings().length - 1]);
        if (history.size() > window) {
            history.removeFirst();
        }
        predictions++;
        double steps = model.predict(List.of(TwinLives.unit(1, new ArrayList<>(history))))[0];
        double hoursPerStep = stride * view.operatingHours() / view.cycles();
        return steps * hoursPerStep < thresholdHours;
    }

    @Override
    public void lifeEnded(long nowMillis, double operatingHours, boolean failed) {
        history.clear();
    }

    /** How many predictions this instance made. */
    public long predictions() {
        return predictions;
    }
}
