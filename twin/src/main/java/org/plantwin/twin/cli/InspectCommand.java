package org.plantwin.twin.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.plantwin.learning.inspection.CrossValidation;
import org.plantwin.learning.inspection.DefectClassifier;
import org.plantwin.learning.inspection.GreyImage;
import org.plantwin.learning.inspection.InspectionConfig;
import org.plantwin.learning.inspection.InspectionDescriptor;
import org.plantwin.learning.inspection.InspectionImages;
import org.plantwin.learning.inspection.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin inspect train|predict}: visual quality inspection, a CNN that classifies surface-defect
 * images (NEU steel layout). Exit 0 done, 2 bad input (file and value named, no stack trace).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Visual inspection: train a CNN on labelled defect images, classify images.",
                "Exit 0 done, 2 bad input (file and value named)."},
        subcommands = {InspectCommand.Train.class, InspectCommand.Predict.class})
final class InspectCommand extends CommandGroup {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the defect CNN and save it as DJL parameters (inspection-0000.params) plus a JSON"
                    + " descriptor (inspection.json: classes, input size, normalisation, metrics) in MODEL_DIR.",
                    "Labels come from --labels (CSV with path and label columns) or, without it, from the folder"
                            + " layout DIR/<class>/<image>. Images are read grey and scaled to --size pixels."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrainingOptions training;

        @Option(names = "--images", required = true, paramLabel = "DIR", description = "The images.")
        Path images;

        @Option(names = "--labels", paramLabel = "labels.csv",
                description = "path,label rows; paths relative to the labels file's folder or to DIR.")
        Path labels;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "60",
                description = "Passes over the images (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--size", paramLabel = "PX", defaultValue = "96",
                description = "Side the images are scaled to (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--width", paramLabel = "N", defaultValue = "24",
                description = "Filters of the first conv block, doubled twice (default: ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
                description = "Run stratified K-fold cross-validation first and save its accuracy and confusion"
                        + " matrix with the model (0 = skip; default: ${DEFAULT-VALUE}).")
        int folds;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                if (epochs < 1) {
                    throw new IllegalArgumentException("The --epochs (" + epochs + ") must be >= 1.");
                }
                if (size < 16 || size > 512) {
                    throw new IllegalArgumentException("The --size (" + size + ") must be in [16, 512].");
                }
                if (folds == 1 || folds < 0) {
                    throw new IllegalArgumentException("The --folds (" + folds + ") must be 0 or >= 2.");
                }
                if (width < 1 || width > 256) {
                    throw new IllegalArgumentException("The --width (" + width + ") must be in [1, 256].");
                }
                InspectionConfig config = InspectionConfig.defaults().withImageSize(size).withWidth(width)
                        .withEpochs(epochs).withSeed(training.seed).withThreads(training.threads());
                List<GreyImage> data = labels != null ? InspectionImages.fromLabels(labels, images, size)
                        : InspectionImages.fromFolders(images, size);
                PrintWriter o = spec.commandLine().getOut();
                CrossValidation.Result cv = null;
                if (folds >= 2) {
                    cv = CrossValidation.run(data, config, folds, null);
                    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                    cv.print(new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
                    o.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
                }
                try (DefectClassifier model = DefectClassifier.train(data, config, null)) {
                    if (cv != null) {
                        model.recordEvaluation(cv.metrics(), cv.confusionRows());
                    }
                    model.save(training.out);
                    InspectionDescriptor d = model.descriptor();
                    o.printf(Locale.ROOT, "%d images, %d classes %s, %dx%d px; %d epochs, training accuracy %.3f,"
                                    + " %.1f s -> %s%n", d.trainingImages(), d.classes().size(), d.classes(),
                            d.imageSize(), d.imageSize(), epochs, d.metrics().get("trainingAccuracy"),
                            d.trainingSeconds(), training.out);
                }
                return 0;
            });
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Classify every image under DIR (recursively); writes file,class,confidence rows (to a"
                    + " temporary file, then moved over --out).")
    static final class Predict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A trained model.")
        Path model;

        @Option(names = "--images", required = true, paramLabel = "DIR", description = "Images to classify.")
        Path images;

        @Option(names = "--out", required = true, paramLabel = "PRED.csv", description = "Where to write.")
        Path out;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                List<Prediction> predictions;
                try (DefectClassifier m = DefectClassifier.load(model, 1)) {
                    List<GreyImage> data = InspectionImages.unlabelled(images, m.descriptor().imageSize());
                    predictions = m.predict(data);
                }
                StringBuilder csv = new StringBuilder("file,class,confidence\n");
                for (Prediction p : predictions) {
                    csv.append(csvCell(p.file())).append(',').append(csvCell(p.label())).append(',')
                            .append(String.format(Locale.ROOT, "%.4f", p.confidence())).append('\n');
                }
                RulCommand.writeAtomically(out, csv.toString());
                spec.commandLine().getOut().printf(Locale.ROOT, "%d images -> %s%n", predictions.size(), out);
                return 0;
            });
        }
    }

    /** RFC 4180 quoting where a cell holds a comma, quote or line break. */
    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
