package org.seatreconciler.local.cli;

/** Bad arguments or bad input files: reported as one line, exit status 2, nothing written. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
