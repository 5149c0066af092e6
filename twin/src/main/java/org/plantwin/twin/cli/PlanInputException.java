package org.plantwin.twin.cli;

/**
 * A planning input the user must fix: a missing or malformed instance file, a bad option value.
 *
 * <p>The message is complete (file, line, value, a hint) and is printed as is, without a stack trace.
 */
final class PlanInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PlanInputException(String message) {
        super(message);
    }

    PlanInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
