package org.plantwin.learning.maintenance;

/** A C-MAPSS file that cannot be read; the message names the file, the line and the bad value. */
public final class CmapssFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CmapssFormatException(String message) {
        super(message);
    }

    public CmapssFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
