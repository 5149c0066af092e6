package org.plantwin.learning.inspection;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.plantwin.learning.forecast.deep.DjlRuntime;

/**
 * Reads inspection images with DJL's {@link ImageFactory} (JPEG, PNG, BMP, GIF), converts them to one grey
 * channel and scales them to a square side by area averaging (every source pixel counts once, so fine texture
 * such as crazing is averaged rather than aliased).
 *
 * <p>Labels come from a folder layout ({@code DIR/<class>/*.jpg}) or a labels file (CSV with a header holding
 * {@code path} and {@code label} columns; paths are relative to the labels file's folder, else to the images
 * folder), as in {@code shared/data/neu_surface_defects}.
 */
public final class InspectionImages {

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    private InspectionImages() {
    }

    /** Labelled images from {@code dir/<class>/<image>}; classes and files in name order. */
    public static List<GreyImage> fromFolders(Path dir, int size) {
        requireDirectory(dir);
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(dir)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("The images folder (" + dir + ") cannot be listed: " + e.getMessage(), e);
        }
        if (classDirs.isEmpty()) {
            throw new IllegalArgumentException("The images folder (" + dir + ") has no class sub-folders."
                    + " Maybe pass --labels labels.csv?");
        }
        List<GreyImage> out = new ArrayList<>();
        for (Path c : classDirs) {
            String label = c.getFileName().toString();
            for (Path f : imageFiles(c)) {
                out.add(new GreyImage(dir.relativize(f).toString(), label, size, read(f, size)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The class folders of (" + dir + ") hold no images ("
                    + String.join(", ", EXTENSIONS) + ").");
        }
        return out;
    }

    /** Labelled images listed in a CSV file with {@code path} and {@code label} columns, in file order. */
    public static List<GreyImage> fromLabels(Path labels, Path imagesDir, int size) {
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("The labels file (" + labels + ") does not exist.");
        }
        List<GreyImage> out = new ArrayList<>();
        Path base = labels.toAbsolutePath().getParent();
        try (BufferedReader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(labels + ":1: the labels file is empty.");
            }
            List<String> cols = List.of(header.strip().toLowerCase(Locale.ROOT).split(",", -1));
            int pathCol = cols.indexOf("path");
            int labelCol = cols.indexOf("label");
            if (pathCol < 0 || labelCol < 0) {
                throw new IllegalArgumentException(labels + ":1: the header (" + header.strip()
                        + ") must name a path and a label column. Maybe add the header path,label?");
            }
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length <= Math.max(pathCol, labelCol)) {
                    throw new IllegalArgumentException(labels + ":" + no + ": expected " + cols.size()
                            + " cells, found " + cells.length + " (" + line.strip() + ").");
                }
                String file = cells[pathCol].strip();
                String label = cells[labelCol].strip();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException(labels + ":" + no + ": the label of (" + file + ") is empty.");
                }
                Path p = base.resolve(file);
                if (!Files.isRegularFile(p) && imagesDir != null) {
                    p = imagesDir.resolve(file);
                }
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(labels + ":" + no + ": the image (" + file + ") exists"
                            + " neither beside the labels file nor under " + imagesDir
                            + ". Maybe the paths are relative to another folder?");
                }
                out.add(new GreyImage(file, label, size, read(p, size)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The labels file (" + labels + ") cannot be read: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(labels + ":2: the labels file lists no images.");
        }
        return out;
    }

    /** Unlabelled images: every image file under {@code dir} (recursively), in path order. */
    public static List<GreyImage> unlabelled(Path dir, int size) {
        requireDirectory(dir);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(InspectionImages::isImage).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("The images folder (" + dir + ") cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("The images folder (" + dir + ") holds no images ("
                    + String.join(", ", EXTENSIONS) + ").");
        }
        List<GreyImage> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new GreyImage(dir.relativize(f).toString(), null, size, read(f, size)));
        }
        return out;
    }

    /** One image file as {@code size x size} grey values in [0, 1]. */
    public static float[] read(Path file, int size) {
        if (size < 4) {
            throw new IllegalArgumentException("The image size (" + size + ") must be >= 4.");
        }
        Image image;
        try {
            image = ImageFactory.getInstance().fromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The image (" + file + ") cannot be decoded: " + e.getMessage(), e);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        float[] grey;
        DjlRuntime.engine(0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = image.toNDArray(m, Image.Flag.GRAYSCALE); // (H, W, 1) uint8
            grey = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        }
        return areaResize(grey, w, h, size);
    }

    /** Area-average resampling of a {@code w x h} image (values 0..255) to {@code size x size} in [0, 1]. */
    static float[] areaResize(float[] src, int w, int h, int size) {
        float[] out = new float[size * size];
        double sx = (double) w / size;
        double sy = (double) h / size;
        for (int oy = 0; oy < size; oy++) {
            double y0 = oy * sy;
            double y1 = y0 + sy;
            for (int ox = 0; ox < size; ox++) {
                double x0 = ox * sx;
                double x1 = x0 + sx;
                double sum = 0;
                for (int y = (int) y0; y < Math.min(h, Math.ceil(y1)); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) x0; x < Math.min(w, Math.ceil(x1)); x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        sum += wx * wy * src[y * w + x];
                    }
                }
                out[oy * size + ox] = (float) (sum / (sx * sy) / 255.0);
            }
        }
        return out;
    }

    private static List<Path> imageFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(InspectionImages::isImage).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("The folder (" + dir + ") cannot be listed: " + e.getMessage(), e);
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The images folder (" + dir + ") does not exist or is not a folder.");
        }
    }
}
