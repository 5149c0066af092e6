package org.plantwin.learning.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.plantwin.learning.generate.GanConfig;
import org.plantwin.learning.generate.GanCsv;
import org.plantwin.learning.generate.GanDescriptor;
import org.plantwin.learning.generate.GanSelection;
import org.plantwin.learning.generate.MinMaxScaling;
import org.plantwin.learning.generate.TimeSeriesGan;
import org.plantwin.learning.generate.Windows;

/**
 * A learning actor (ARCHITECTURE §3) for the scenario generator: keeps a multivariate history (demand per product,
 * failure and repair durations, travel-time noise: any numeric columns), sent to it step by step or read from a
 * series CSV, trains a {@link TimeSeriesGan} on it, saves every version ({@code <root>/v0001}, {@code v0002}, ...:
 * DJL parameters + {@code gan.json}) and publishes it to its subscribers; {@link Sample} answers with windows of the
 * current version in the history's units. A trainer made with condition columns trains a conditioned model (the last
 * columns are context, not generated) and answers {@link SampleFor} with windows for given conditions.
 *
 * <p>Retraining follows the data, not a clock: after every {@code retrainEvery} observed steps and on an explicit
 * {@link Retrain}. Training is heavy work: spawn this actor on its own dispatcher
 * ({@code DispatcherSelector.blocking()}), never on a simulation lane. A failed training (too short a history, an
 * unreadable CSV) is published as {@link TrainingFailed} and the previous version stays current.
 *
 * <pre>{@code
 * ActorRef<GanTrainer.Command> gan = context.spawn(GanTrainer.create(List.of("demand", "leadTime"), 24,
 *         GanConfig.defaults(), false, Path.of("models/demand-gan"), 500), "demand-gan", DispatcherSelector.blocking());
 * gan.tell(new GanTrainer.Subscribe(experiments));
 * gan.tell(new GanTrainer.Observed(new double[] {131.0, 2.5}));
 * }</pre>
 */
public final class GanTrainer extends AbstractBehavior<GanTrainer.Command> {

    /** What the trainer accepts. */
    public sealed interface Command permits Subscribe, Observed, LoadCsv, Retrain, Sample, SampleFor {
    }

    /** Sends every future {@link Event} to {@code subscriber}. */
    public record Subscribe(ActorRef<Event> subscriber) implements Command {
        public Subscribe {
            Objects.requireNonNull(subscriber, "subscriber");
        }
    }

    /** The next time step of the history: one value per column, in the trainer's column order. */
    public record Observed(double[] values) implements Command {
        public Observed {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** Replaces the history with a series CSV (header = the trainer's columns) and retrains. */
    public record LoadCsv(String path) implements Command {
        public LoadCsv {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Retrains now on the history held. */
    public enum Retrain implements Command {
        INSTANCE
    }

    /** Asks for {@code count} windows of the current version, seeded; answered with {@link Samples}. */
    public record Sample(int count, long seed, ActorRef<Samples> replyTo) implements Command {
        public Sample {
            Objects.requireNonNull(replyTo, "replyTo");
        }
    }

    /**
     * Asks a trainer of a conditioned model for one window per window of {@code conditions} (the condition columns,
     * {@code (N, T, C)} in the history's units), seeded; answered with {@link Samples} (all columns, the conditions
     * copied).
     */
    public record SampleFor(Windows conditions, long seed, ActorRef<Samples> replyTo) implements Command {
        public SampleFor {
            Objects.requireNonNull(conditions, "conditions");
            Objects.requireNonNull(replyTo, "replyTo");
        }
    }

    /**
     * The answer to {@link Sample} and {@link SampleFor}: windows in the history's units, or no windows and the reason.
     *
     * @param version the model version sampled (0 = none yet)
     */
    public record Samples(int version, Windows windows, String error) {
    }

    /** What subscribers receive. */
    public sealed interface Event permits ModelPublished, TrainingFailed {
    }

    /**
     * A new model version, saved in {@code modelDir} (loadable with {@link TimeSeriesGan#load}).
     *
     * @param version 1, 2, ... in order of training
     * @param stepsSeen the history's length when it was trained
     * @param descriptor its descriptor (settings, scaling, training seconds, selection if any)
     */
    public record ModelPublished(int version, Path modelDir, int stepsSeen, GanDescriptor descriptor)
            implements Event {
    }

    /** Training failed; the previous version stays current. */
    public record TrainingFailed(String reason) implements Event {
    }

    private final List<String> columns;
    private final int conditions;
    private final int seqLen;
    private final GanConfig config;
    private final boolean select;
    private final Path root;
    private final int retrainEvery;
    private final Subscribers<Event> subscribers = new Subscribers<>();
    private final List<double[]> history = new ArrayList<>();
    private TimeSeriesGan current;
    private int version;
    private int observedSinceTraining;

    private GanTrainer(ActorContext<Command> context, List<String> columns, int conditions, int seqLen,
            GanConfig config, boolean select, Path root, int retrainEvery) {
        super(context);
        this.columns = columns;
        this.conditions = conditions;
        this.seqLen = seqLen;
        this.config = config;
        this.select = select;
        this.root = root;
        this.retrainEvery = retrainEvery;
    }

    /**
     * @param columns the history's columns, in order
     * @param seqLen window length (>= 2)
     * @param config training settings of every version
     * @param selectSupervised choose the supervised weight by {@link GanSelection} (rgan; about 2.5 times the
     *     training time)
     * @param root the folder under which versions are saved ({@code v0001}, ...); existing versions there are left
     *     alone and numbering continues after the highest
     * @param retrainEvery retrain after this many observed steps (>= 1)
     */
    public static Behavior<Command> create(List<String> columns, int seqLen, GanConfig config,
            boolean selectSupervised, Path root, int retrainEvery) {
        return create(columns, 0, seqLen, config, selectSupervised, root, retrainEvery);
    }

    /**
     * A trainer of a model conditioned on the last {@code conditions} of {@code columns} (context such as a season,
     * a promotion flag or the day of the week: given to the generator at every step, never generated; {@link
     * TimeSeriesGan#train(Windows, List, int, MinMaxScaling, GanConfig, java.io.PrintStream)}), sampled with {@link
     * SampleFor}; the other parameters as {@link #create(List, int, GanConfig, boolean, Path, int)}.
     */
    public static Behavior<Command> create(List<String> columns, int conditions, int seqLen, GanConfig config,
            boolean selectSupervised, Path root, int retrainEvery) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(root, "root");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("The GAN trainer needs at least one column.");
        }
        if (seqLen < 2 || retrainEvery < 1) {
            throw new IllegalArgumentException("The seqLen (" + seqLen + ") must be >= 2 and the retrainEvery ("
                    + retrainEvery + ") >= 1.");
        }
        if (conditions < 0 || conditions >= columns.size()) {
            throw new IllegalArgumentException("The condition columns (" + conditions + ") must leave at least one of "
                    + columns + " to generate.");
        }
        if (selectSupervised) {
            GanSelection.supervisedCandidates(config); // fails fast for TimeGAN
        }
        List<String> cols = List.copyOf(columns);
        return Behaviors.setup(ctx -> new GanTrainer(ctx, cols, conditions, seqLen, config, selectSupervised, root,
                retrainEvery));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(Observed.class, this::onObserved)
                .onMessage(LoadCsv.class, this::onLoadCsv)
                .onMessageEquals(Retrain.INSTANCE, this::onRetrain)
                .onMessage(Sample.class, this::onSample)
                .onMessage(SampleFor.class, this::onSampleFor)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe msg) {
        subscribers.add(msg.subscriber());
        return this;
    }

    private Behavior<Command> onObserved(Observed msg) {
        double[] v = msg.values();
        if (v.length != columns.size()) {
            publish(new TrainingFailed("Step " + history.size() + " has " + v.length + " values "
                    + Arrays.toString(v) + "; the columns are " + columns + "."));
            return this;
        }
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                publish(new TrainingFailed("Step " + history.size() + ", column " + columns.get(j) + ": the value ("
                        + v[j] + ") is not a finite number; the step was not kept."));
                return this;
            }
        }
        history.add(v);
        if (++observedSinceTraining >= retrainEvery) {
            train();
        }
        return this;
    }

    private Behavior<Command> onLoadCsv(LoadCsv msg) {
        GanCsv.Table t;
        try {
            t = GanCsv.readSeries(Path.of(msg.path()));
        } catch (RuntimeException e) { // unreadable or malformed file: an expected failure, reported
            publish(new TrainingFailed(e.getMessage()));
            return this;
        }
        if (!t.columns().equals(columns)) {
            publish(new TrainingFailed(msg.path() + ":1: the columns " + t.columns() + " differ from the trainer's "
                    + columns + "; the history was kept."));
            return this;
        }
        history.clear();
        history.addAll(Arrays.asList(t.rows()));
        train();
        return this;
    }

    private Behavior<Command> onRetrain() {
        train();
        return this;
    }

    private Behavior<Command> onSample(Sample msg) {
        if (current == null) {
            msg.replyTo().tell(new Samples(0, null, "No model has been trained yet."));
        } else if (msg.count() < 1) {
            msg.replyTo().tell(new Samples(version, null, "The count (" + msg.count() + ") must be >= 1."));
        } else if (conditions > 0) {
            msg.replyTo().tell(new Samples(version, null, "The model is conditioned on "
                    + columns.subList(columns.size() - conditions, columns.size()) + ": ask with SampleFor."));
        } else {
            msg.replyTo().tell(new Samples(version, current.sample(msg.count(), msg.seed()), null));
        }
        return this;
    }

    private Behavior<Command> onSampleFor(SampleFor msg) {
        if (current == null) {
            msg.replyTo().tell(new Samples(0, null, "No model has been trained yet."));
            return this;
        }
        try {
            msg.replyTo().tell(new Samples(version, current.sample(msg.conditions(), msg.seed()), null));
        } catch (IllegalArgumentException e) { // no conditions, or windows of the wrong shape: the asker's mistake
            msg.replyTo().tell(new Samples(version, null, e.getMessage()));
        }
        return this;
    }

    private Behavior<Command> onPostStop() {
        if (current != null) {
            current.close();
        }
        return this;
    }

    private void train() {
        observedSinceTraining = 0;
        if (history.size() < seqLen) {
            publish(new TrainingFailed("The history has " + history.size() + " steps, fewer than the window length ("
                    + seqLen + ")."));
            return;
        }
        double[][] rows = history.toArray(new double[0][]);
        MinMaxScaling scaling = MinMaxScaling.fit(rows);
        Windows windows = Windows.sliding(scaling.scale(rows), seqLen);
        TimeSeriesGan next;
        int v;
        Path dir;
        try {
            next = select
                    ? GanSelection.train(windows, columns, conditions, scaling,
                            GanSelection.supervisedCandidates(config), GanSelection.judge(config.seed()), null)
                    : TimeSeriesGan.train(windows, columns, conditions, scaling, config, null);
        } catch (RuntimeException e) {
            publish(new TrainingFailed("Training on " + history.size() + " steps failed: " + e.getMessage()));
            return;
        }
        try {
            v = nextVersion();
            dir = root.resolve(String.format(Locale.ROOT, "v%04d", v));
            next.save(dir);
        } catch (RuntimeException e) {
            next.close();
            publish(new TrainingFailed("Saving a new version under (" + root + ") failed: " + e.getMessage()));
            return;
        }
        if (current != null) {
            current.close();
        }
        current = next;
        version = v;
        publish(new ModelPublished(version, dir, history.size(), next.descriptor()));
    }

    /** The next version number: one past this trainer's last and past any version folder already in the root. */
    private int nextVersion() {
        int highest = version;
        if (Files.isDirectory(root)) {
            try (var entries = Files.list(root)) {
                highest = Math.max(highest, entries.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("v\\d{4,}")).mapToInt(n -> Integer.parseInt(n.substring(1)))
                        .max().orElse(0));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot list the model folder (" + root + ").", e);
            }
        }
        return highest + 1;
    }

    private void publish(Event event) {
        subscribers.publish(event);
    }
}
