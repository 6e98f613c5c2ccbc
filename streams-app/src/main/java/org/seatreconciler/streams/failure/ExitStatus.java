package org.seatreconciler.streams.failure;

/**
 * The exit statuses of the streams app for what a restart cannot fix (DESIGN.md section 8). 0 is a stop
 * on request (SIGTERM); 1 is Spring Boot's own for an app that could not start (e.g. a setting that does
 * not bind). The rest are ours, each with one log line saying why.
 */
public enum ExitStatus {
    /** A topic it reads does not exist (the input topic, or an internal topic it may not create). */
    MISSING_TOPIC(3),
    /** The broker or the schema registry refused its credentials or its rights (ACLs, 401, 403). */
    NOT_AUTHORISED(4),
    /** A setting the cluster or the registry refuses (a bad config, an incompatible schema, a URL that is no registry). */
    BAD_SETTINGS(5),
    /** Stream threads kept failing: more replacements within the window than the limit allows. */
    KEEPS_FAILING(6);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
