package org.plantwin.twin.cli;

/**
 * A forecasting input the user must fix: a missing or malformed series file, a bad option value.
 *
 * <p>The message is complete (file, line, value, a hint) and is printed as is, without a stack trace.
 */
final class ForecastInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ForecastInputException(String message) {
        super(message);
    }

    ForecastInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
