package org.plantwin.learning.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.plantwin.learning.maintenance.EngineUnit;
import org.plantwin.learning.maintenance.RulProtocol;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.learning.maintenance.TwinLives;

/**
 * A learning actor that watches machines' condition-sensor streams, live or simulated, with a
 * {@link SensorAutoencoder}: it keeps each machine's last {@code W} readings, scores every full window and publishes
 * an {@link Alarm} to its subscribers (a maintenance planner, a dashboard) when the model's rules say so
 * ({@link SensorAutoencoder#assess}: the score above its threshold, or a flat sensor). Inference is heavy work: spawn it on {@code DispatcherSelector.blocking()}, never on a simulation lane.
 * Inside a simulation the same scoring runs as {@link org.plantwin.learning.maintenance.AnomalyWatch}, in simulated
 * time.
 */
public final class SensorWatcher extends AbstractBehavior<SensorWatcher.Command> {

    /** What the watcher accepts. */
    public sealed interface Command permits Subscribe, SensorReading, Restored {
    }

    /** Sends every future {@link Alarm} to {@code subscriber}. */
    public record Subscribe(ActorRef<Alarm> subscriber) implements Command {
        public Subscribe {
            Objects.requireNonNull(subscriber, "subscriber");
        }
    }

    /** One reading of every sensor of {@code machine} at {@code timeMillis}, in the order the model was trained on. */
    public record SensorReading(String machine, long timeMillis, double[] values) implements Command {
        public SensorReading {
            Objects.requireNonNull(machine, "machine");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** The machine was repaired or maintained: its window starts afresh. */
    public record Restored(String machine) implements Command {
    }

    /**
     * An anomalous window of {@code machine} ending at {@code timeMillis}: its reconstruction {@code score} against
     * the {@code threshold}, and whether a sensor was flat ({@link SensorAutoencoder#assess}).
     */
    public record Alarm(String machine, long timeMillis, double score, double threshold, boolean flat) {
    }

    private final SensorAutoencoder model;
    private final int window;
    private final Subscribers<Alarm> subscribers = new Subscribers<>();
    private final Map<String, ArrayDeque<double[]>> windows = new TreeMap<>();

    private SensorWatcher(ActorContext<Command> context, SensorAutoencoder model) {
        super(context);
        this.model = model;
        this.window = model.descriptor().window();
    }

    /** A watcher scoring with {@code model} (owned by the caller, who closes it after the actor stops). */
    public static Behavior<Command> create(SensorAutoencoder model) {
        Objects.requireNonNull(model, "model");
        return Behaviors.setup(ctx -> new SensorWatcher(ctx, model));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(SensorReading.class, this::onReading)
                .onMessage(Restored.class, this::onRestored)
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe s) {
        subscribers.add(s.subscriber());
        return this;
    }

    private Behavior<Command> onReading(SensorReading r) {
        ArrayDeque<double[]> w = windows.computeIfAbsent(r.machine(), m -> new ArrayDeque<>());
        w.addLast(r.values());
        if (w.size() > window) {
            w.removeFirst();
        }
        if (w.size() == window) {
            EngineUnit unit = TwinLives.unit(1, new ArrayList<>(w));
            SensorAutoencoder.Assessment v = model.assess(RulProtocol.lastWindows(List.of(unit),
                    model.descriptor().scaling(), window))[0];
            if (v.alarm()) {
                Alarm a = new Alarm(r.machine(), r.timeMillis(), v.score(), model.descriptor().threshold(), v.flat());
                subscribers.publish(a);
            }
        }
        return this;
    }

    private Behavior<Command> onRestored(Restored r) {
        windows.remove(r.machine());
        return this;
    }
}
