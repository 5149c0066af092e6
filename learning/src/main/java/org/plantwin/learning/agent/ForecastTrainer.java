package org.plantwin.learning.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.SeriesFiles;
import org.plantwin.learning.api.TimeSeries;

/**
 * A learning actor (ARCHITECTURE §3): trains a forecaster on demand history — sent to it period by period or
 * read from a series CSV — and publishes each new model version, with its forecasts, to its subscribers.
 *
 * <p>Retraining follows the data, not a clock: after every {@code retrainEvery} observed periods (counted over
 * all series) and on an explicit {@link Retrain}. Training and file reading are heavy work, so spawn this
 * actor on its own dispatcher ({@code DispatcherSelector.blocking()}), never on a simulation lane.
 *
 * <pre>{@code
 * ActorRef<ForecastTrainer.Command> trainer = context.spawn(
 *         ForecastTrainer.create(() -> Forecasters.create("theta"), new ForecastTask(14, 7), 7),
 *         "demand-trainer", DispatcherSelector.blocking());
 * trainer.tell(new ForecastTrainer.Subscribe(planner));
 * trainer.tell(new ForecastTrainer.DemandObserved("FG/A", 0, 131.0));
 * }</pre>
 */
public final class ForecastTrainer extends AbstractBehavior<ForecastTrainer.Command> {

    /** What the trainer accepts. */
    public sealed interface Command permits Subscribe, DemandObserved, LoadCsv, Retrain {
    }

    /** Sends every future {@link Event} to {@code subscriber}. */
    public record Subscribe(ActorRef<Event> subscriber) implements Command {
        public Subscribe {
            Objects.requireNonNull(subscriber, "subscriber");
        }
    }

    /**
     * The demand of one series in period {@code period} (0-based, consecutive); a period already observed is
     * replaced.
     */
    public record DemandObserved(String seriesId, int period, double units) implements Command {
        public DemandObserved {
            Objects.requireNonNull(seriesId, "seriesId");
            if (period < 0) {
                throw new IllegalArgumentException("The period (" + period + ") of series (" + seriesId
                        + ") must be >= 0.");
            }
        }
    }

    /** Replaces the history with the series of a CSV (M4 or car-parts layout; missing as 0) and retrains. */
    public record LoadCsv(String path) implements Command {
        public LoadCsv {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Retrains now on the history held. */
    public enum Retrain implements Command {
        INSTANCE
    }

    /** What subscribers receive. */
    public sealed interface Event permits ModelPublished, TrainingFailed {
    }

    /**
     * A new model version: its forecasts of every series from the history it was trained on.
     *
     * @param version 1, 2, ... in order of training
     * @param model the forecaster's name
     * @param periodsSeen the number of periods of the longest series trained on
     * @param trainingDataSha256 hash of the training series (ids and values), as in the model store
     */
    public record ModelPublished(int version, String model, ForecastTask task, int periodsSeen,
                                 String trainingDataSha256, List<Forecast> forecasts) implements Event {
        public ModelPublished {
            forecasts = List.copyOf(forecasts); // Forecast copies its arrays: deeply immutable
        }
    }

    /** Training failed (e.g. an unreadable CSV); the previous version stays current. */
    public record TrainingFailed(String reason) implements Event {
    }

    private final Supplier<Forecaster> forecasters;
    private final ForecastTask task;
    private final int retrainEvery;
    private final Subscribers<Event> subscribers = new Subscribers<>();
    private final Map<String, double[]> history = new TreeMap<>();
    private Forecaster current;
    private int version;
    private int observedSinceTraining;

    private ForecastTrainer(ActorContext<Command> context, Supplier<Forecaster> forecasters, ForecastTask task,
            int retrainEvery) {
        super(context);
        this.forecasters = forecasters;
        this.task = task;
        this.retrainEvery = retrainEvery;
    }

    /**
     * @param forecasters makes a fresh (untrained) forecaster for every version, e.g. {@code () -> Forecasters.create("theta")}
     * @param task horizon and season of the published forecasts
     * @param retrainEvery retrain after this many observed periods (>= 1)
     */
    public static Behavior<Command> create(Supplier<Forecaster> forecasters, ForecastTask task, int retrainEvery) {
        Objects.requireNonNull(forecasters, "forecasters");
        Objects.requireNonNull(task, "task");
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("The retrainEvery (" + retrainEvery + ") must be >= 1.");
        }
        return Behaviors.setup(ctx -> new ForecastTrainer(ctx, forecasters, task, retrainEvery));
    }

    /** A trainer of the named {@link Forecasters} model. */
    public static Behavior<Command> create(String model, ForecastTask task, int retrainEvery) {
        Forecasters.create(model); // fails fast on an unknown name
        return create(() -> Forecasters.create(model), task, retrainEvery);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(DemandObserved.class, this::onDemandObserved)
                .onMessage(LoadCsv.class, this::onLoadCsv)
                .onMessageEquals(Retrain.INSTANCE, this::onRetrain)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe msg) {
        subscribers.add(msg.subscriber());
        return this;
    }

    private Behavior<Command> onDemandObserved(DemandObserved msg) {
        double[] h = history.getOrDefault(msg.seriesId(), new double[0]);
        if (msg.period() > h.length) {
            publish(new TrainingFailed("Period (" + msg.period() + ") of series (" + msg.seriesId()
                    + ") skips periods; the next expected is (" + h.length + ")."));
            return this;
        }
        if (msg.period() == h.length) {
            h = Arrays.copyOf(h, h.length + 1);
        }
        h[msg.period()] = msg.units();
        history.put(msg.seriesId(), h);
        if (++observedSinceTraining >= retrainEvery) {
            train();
        }
        return this;
    }

    private Behavior<Command> onLoadCsv(LoadCsv msg) {
        List<TimeSeries> series;
        try {
            series = SeriesFiles.read(Path.of(msg.path()));
        } catch (RuntimeException e) { // unreadable or malformed file: an expected failure, reported
            publish(new TrainingFailed(e.getMessage()));
            return this;
        }
        history.clear();
        for (TimeSeries s : series) {
            history.put(s.id(), s.fillMissing(0).values());
        }
        train();
        return this;
    }

    private Behavior<Command> onRetrain() {
        train();
        return this;
    }

    private Behavior<Command> onPostStop() {
        release(current);
        return this;
    }

    private void train() {
        observedSinceTraining = 0;
        if (history.isEmpty()) {
            publish(new TrainingFailed("No demand history to train on."));
            return;
        }
        List<TimeSeries> series = new ArrayList<>();
        int longest = 0;
        for (Map.Entry<String, double[]> e : history.entrySet()) {
            series.add(new TimeSeries(e.getKey(), e.getValue()));
            longest = Math.max(longest, e.getValue().length);
        }
        Forecaster next = forecasters.get();
        List<Forecast> forecasts;
        try {
            next.fit(series, task);
            forecasts = next.predict(series);
        } catch (RuntimeException e) { // too little history for the model: reported, the last version stays
            release(next);
            publish(new TrainingFailed("Training " + next.name() + " on " + series.size() + " series failed: "
                    + e.getMessage()));
            return;
        }
        release(current);
        current = next;
        version++;
        publish(new ModelPublished(version, next.name(), task, longest, sha256(series), forecasts));
    }

    private void publish(Event event) {
        subscribers.publish(event);
    }

    private static void release(Forecaster f) {
        if (f instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot release the forecaster (" + f.name() + ").", e);
            }
        }
    }

    private static String sha256(List<TimeSeries> series) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (TimeSeries s : series) {
                md.update(s.id().getBytes(StandardCharsets.UTF_8));
                for (double v : s.values()) {
                    md.update(Double.toString(v).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) ',');
                }
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM.", e);
        }
    }
}
