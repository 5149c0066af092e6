package org.plantwin.twin.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.plantwin.learning.maintenance.CmapssFiles;
import org.plantwin.learning.maintenance.EngineUnit;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.learning.maintenance.TwinLives;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin anomaly train}: the sensor autoencoder that {@code plantwin serve --anomaly-model} watches live
 * sensor telemetry with, trained on the healthy windows of run-to-failure lives: a C-MAPSS-format file, or the
 * twin's own simulated lives of a scenario whose machines degrade ({@code TwinLives}). Exit 0 done, 2 bad input.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = {"Sensor anomaly detection: train the autoencoder that plantwin serve --anomaly-model runs on"
                + " live sensors telemetry.", "Exit 0 done, 2 bad input."},
        subcommands = {AnomalyCommand.Train.class})
final class AnomalyCommand extends CommandGroup {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the sensor autoencoder on the healthy windows (more than 125 cycles before failure)"
                    + " of run-to-failure lives and save it (autoencoder-0000.params, autoencoder.json) in MODEL_DIR.",
                    "Lives come from --train (a C-MAPSS-format file: unit, cycle, 3 settings, 21 sensors) or from"
                            + " --scenario: replications 1000.. of a scenario run to failure, one life per machine"
                            + " with degradation.sensors and maintenance, one reading per part (the sensors, in the"
                            + " order of degradation.sensors, as live sensors telemetry sends them).",
                    "Alarms: reconstruction error above the --quantile of the healthy windows' scores, or a sensor"
                            + " flatter than the 1 - quantile of their smallest deviation."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrainingOptions training;

        @Option(names = "--train", paramLabel = "FILE", description = "Run-to-failure units in C-MAPSS format.")
        java.nio.file.Path train;

        @Option(names = "--scenario", paramLabel = "FILE|NAME",
                description = "A scenario whose degrading machines are run to failure to make the lives.")
        String scenario;

        @Option(names = "--replications", paramLabel = "N", defaultValue = "3",
                description = "Replications of --scenario run to failure (default: ${DEFAULT-VALUE}).")
        int replications;

        @Option(names = "--window", paramLabel = "N", defaultValue = "30",
                description = "Readings per window (default: ${DEFAULT-VALUE}).")
        int window;

        @Option(names = "--steps", paramLabel = "N", defaultValue = "2000",
                description = "Training steps of 128 windows (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--quantile", paramLabel = "Q", defaultValue = "0.995",
                description = "Healthy-score quantile used as the alarm threshold (default: ${DEFAULT-VALUE}).")
        double quantile;

        @Override
        public Integer call() {
            Scenario s = null;
            if (scenario != null && train == null) {
                try {
                    s = Scenarios.resolve(scenario);
                } catch (ScenarioException e) {
                    Runs.printProblems(scenario, e, spec.commandLine().getErr());
                    return PlantwinCli.EXIT_INVALID;
                }
            }
            Scenario plant = s;
            return PlantwinCli.guarded(spec, () -> {
                if ((train == null) == (scenario == null)) {
                    throw new IllegalArgumentException("Give exactly one of --train FILE and --scenario FILE|NAME."
                            + " Maybe --scenario maintenance?");
                }
                if (replications < 1 || window < 2 || steps < 1) {
                    throw new IllegalArgumentException("The --replications (" + replications + ") and --steps ("
                            + steps + ") must be >= 1, the --window (" + window + ") >= 2.");
                }
                if (!(quantile > 0.5 && quantile < 1)) {
                    throw new IllegalArgumentException("The --quantile (" + quantile + ") must be in (0.5, 1)."
                            + " Maybe 0.995?");
                }
                List<EngineUnit> lives = train != null ? CmapssFiles.readUnits(train)
                        : TwinLives.collect(plant, 1000, replications, 1, 1);
                try (SensorAutoencoder ae = SensorAutoencoder.train(lives, window, training.seed, steps, 128, quantile,
                        training.threads())) {
                    ae.save(training.out);
                    SensorAutoencoder.Descriptor d = ae.descriptor();
                    spec.commandLine().getOut().printf(Locale.ROOT, "autoencoder: %d lives, window %d, sensors %s,"
                                    + " threshold %.5f (quantile %.3f), flat below %.5f; %d steps, %.1f s -> %s%n",
                            lives.size(), d.window(), d.scaling().sensorsKept(), d.threshold(), d.thresholdQuantile(),
                            d.flat(), d.steps(), d.trainingSeconds(), training.out);
                }
                return 0;
            });
        }
    }
}
