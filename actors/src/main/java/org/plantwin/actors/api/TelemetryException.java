package org.plantwin.actors.api;

/** A telemetry message a live twin refuses: the field (JSON path inside the message), its value and why. */
public final class TelemetryException extends IllegalArgumentException {

    private final String path;
    private final String value;

    public TelemetryException(String path, Object value, String reason) {
        super(reason);
        this.path = path;
        this.value = String.valueOf(value);
    }

    public String path() {
        return path;
    }

    public String value() {
        return value;
    }
}
