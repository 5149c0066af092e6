package org.plantwin.actors.api;

/** A run failed (a bug in a model or the kernel) or was cancelled. */
public final class SimulationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
