package org.plantwin.learning.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Saving a model's JSON descriptor beside its DJL parameters: whole or not at all, readable by everyone. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * Writes {@code descriptor} as {@code dir/name.json} through a temporary file that is moved into place, so a
     * reader never sees half a descriptor. Temporary files are created owner-only; models are shared artefacts,
     * so the file is made rw-r--r-- where the file system has POSIX permissions.
     */
    public static void writeDescriptor(Path dir, String name, ObjectMapper json, Object descriptor)
            throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".json.tmp");
        try {
            json.writeValue(tmp.toFile(), descriptor);
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Path target = dir.resolve(name + ".json");
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
