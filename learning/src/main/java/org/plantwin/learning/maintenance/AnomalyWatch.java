package org.plantwin.learning.maintenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.plantwin.actors.api.MaintenancePolicy;

/**
 * Watches a machine's sensor stream with a {@link SensorAutoencoder} while another maintenance policy decides: every
 * {@code every} cycles it scores the window of the last {@code W} readings and raises an alarm when the autoencoder's
 * rules say so ({@link SensorAutoencoder#assess}: reconstruction error above its threshold, or a flat sensor). Alarms are kept in order (for evaluation against injected faults) and raised to the
 * delegate policy ({@link MaintenancePolicy#sensorAlarm}) and the listener; maintenance decisions are the
 * delegate's. Like every policy: one instance per run and machine.
 */
public final class AnomalyWatch implements MaintenancePolicy {

    /** A scored window: when it ended (simulated ms), its score, whether it raised an alarm. */
    public record Score(long nowMillis, double score, boolean alarm) {
    }

    /** Receives the alarms as they are raised. */
    public interface Listener {
        void alarm(String machine, long nowMillis, double score);
    }

    private final SensorAutoencoder model;
    private final MaintenancePolicy delegate;
    private final int every;
    private final Listener listener;
    private final List<Score> scores = new ArrayList<>();

    public AnomalyWatch(SensorAutoencoder model, MaintenancePolicy delegate, int every, Listener listener) {
        this.model = Objects.requireNonNull(model, "model");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (every < 1) {
            throw new IllegalArgumentException("The scoring period (" + every + " cycles) must be >= 1.");
        }
        this.every = every;
        this.listener = listener;
    }

    @Override
    public int window() {
        return Math.max(delegate.window(), model.descriptor().window());
    }

    @Override
    public boolean maintainNow(View view) {
        int w = model.descriptor().window();
        double[][] r = view.readings();
        if (view.cycles() % every == 0 && r.length >= w) {
            EngineUnit unit = TwinLives.unit(1, Arrays.asList(Arrays.copyOfRange(r, r.length - w, r.length)));
            SensorAutoencoder.Assessment a = model.assess(RulProtocol.lastWindows(List.of(unit),
                    model.descriptor().scaling(), w))[0];
            double score = a.score();
            boolean alarm = a.alarm();
            scores.add(new Score(view.nowMillis(), score, alarm));
            if (alarm) {
                delegate.sensorAlarm(view.nowMillis(), score);
                if (listener != null) {
                    listener.alarm(view.machine(), view.nowMillis(), score);
                }
            }
        }
        return delegate.maintainNow(delegateView(view));
    }

    /** The delegate sees no more readings than it asked for. */
    private MaintenancePolicy.View delegateView(View v) {
        int keep = Math.min(v.readings().length, Math.max(1, delegate.window()));
        return new View(v.nowMillis(), v.machine(), v.operatingHours(), v.cycles(), v.sensors(), v.atNew(),
                v.atFailure(), Arrays.copyOfRange(v.readings(), v.readings().length - keep, v.readings().length),
                Arrays.copyOfRange(v.readingHours(), v.readingHours().length - keep, v.readingHours().length));
    }

    @Override
    public void lifeEnded(long nowMillis, double operatingHours, boolean failed) {
        delegate.lifeEnded(nowMillis, operatingHours, failed);
    }

    /** The windows scored so far, in time order. */
    public List<Score> scores() {
        return List.copyOf(scores);
    }
}
