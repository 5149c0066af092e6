package org.plantwin.learning.forecast.deep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.plantwin.learning.api.ModelDescriptor;

/**
 * Saves and loads trained deep forecasters as DJL parameters ({@code <name>-0000.params}) plus a JSON
 * {@link ModelDescriptor} ({@code <name>.json}) in one directory.
 */
public final class ModelStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ModelStore() {
    }

    /** Loads the model {@code name} ({@code "lstm"}, {@code "nbeats"} or {@code "nbeatslog"}) saved in {@code dir}. */
    public static AbstractDeepForecaster load(Path dir, String name) {
        ModelDescriptor d = readDescriptor(dir.resolve(name + ".json"));
        if (d.formatVersion() != ModelDescriptor.FORMAT_VERSION) {
            throw new IllegalArgumentException("The descriptor format version (" + d.formatVersion() + ") of ("
                    + dir + ") is not supported; expected " + ModelDescriptor.FORMAT_VERSION + ".");
        }
        AbstractDeepForecaster f = switch (d.model()) {
            case LstmForecaster.NAME -> new LstmForecaster(d.config());
            case NBeatsForecaster.NAME -> new NBeatsForecaster(d.config());
            case NBeatsForecaster.LOG_NAME -> new NBeatsForecaster(d.config(), WindowScaling.LOG_LEVEL);
            default -> throw new IllegalArgumentException(
                    "The saved model (" + d.model() + ") in (" + dir
                            + ") is unknown. Maybe lstm, nbeats or nbeatslog?");
        };
        if (!f.architecture().equals(d.architecture())) {
            throw new IllegalArgumentException("The saved architecture " + d.architecture() + " of (" + dir
                    + ") does not match this version's " + f.architecture() + ".");
        }
        f.restore(dir, d);
        return f;
    }

    /** Reads a descriptor. */
    public static ModelDescriptor readDescriptor(Path file) {
        try {
            return JSON.readValue(file.toFile(), ModelDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model descriptor (" + file + ").", e);
        }
    }

    static void writeDescriptor(Path file, ModelDescriptor descriptor) throws IOException {
        JSON.writeValue(file.toFile(), descriptor);
    }
}
