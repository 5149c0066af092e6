package org.plantwin.learning.inspection;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runnable cross-validation of the defect classifier on the NEU subset (or any labelled folder).
 * Options {@code key=value}: {@code images} (default {@code ../shared/data/neu_surface_defects/images}),
 * {@code labels} (a labels.csv; default: the folder layout), {@code folds} (5), and {@code size},
 * {@code width}, {@code epochs}, {@code seed}, {@code threads} (default: {@link InspectionConfig#defaults()}).
 */
public final class InspectionEvaluation {

    private InspectionEvaluation() {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Loads, cross-validates and prints; returns the result. */
    public static CrossValidation.Result run(String[] args, PrintStream out) {
        Map<String, String> o = org.plantwin.learning.eval.KeyValueArgs.parse(args);
        InspectionConfig d = InspectionConfig.defaults();
        InspectionConfig config = d
                .withImageSize(Integer.parseInt(o.getOrDefault("size", Integer.toString(d.imageSize()))))
                .withWidth(Integer.parseInt(o.getOrDefault("width", Integer.toString(d.width()))))
                .withEpochs(Integer.parseInt(o.getOrDefault("epochs", Integer.toString(d.epochs()))))
                .withSeed(Long.parseLong(o.getOrDefault("seed", Long.toString(d.seed()))))
                .withThreads(Integer.parseInt(o.getOrDefault("threads", Integer.toString(d.threads()))));
        int folds = Integer.parseInt(o.getOrDefault("folds", "5"));
        Path images = Path.of(o.getOrDefault("images", "../shared/data/neu_surface_defects/images"));
        long t0 = System.nanoTime();
        List<GreyImage> data = o.containsKey("labels")
                ? InspectionImages.fromLabels(Path.of(o.get("labels")), images, config.imageSize())
                : InspectionImages.fromFolders(images, config.imageSize());
        out.printf(java.util.Locale.ROOT, "%d images loaded in %.1f s; %s%n", data.size(),
                (System.nanoTime() - t0) / 1e9, config);
        CrossValidation.Result r = CrossValidation.run(data, config, folds, out);
        r.print(out);
        return r;
    }
}
