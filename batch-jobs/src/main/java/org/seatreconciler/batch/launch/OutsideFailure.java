package org.seatreconciler.batch.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Optional;

import org.seatreconciler.schemas.registry.SchemaRegistryException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;

/**
 * The one line an operator reads at 3 a.m. when something the job depends on fails rather than the billing
 * itself: the output folder (not writable, disk full), the job's database (unreachable, refused, its schema
 * missing or too old) or the schema registry. It names what failed and where: the folder, the JDBC URL with
 * any password masked, the registry URL. The exit status is {@link ExitStatus#OUTSIDE_FAILURE}; the stack trace
 * goes to the log at DEBUG.
 */
public final class OutsideFailure {

    private final String jdbcUrl;
    private final String registryUrl;

    public OutsideFailure(String jdbcUrl, String registryUrl) {
        this.jdbcUrl = jdbcUrl == null ? "(spring.datasource.url not set)" : masked(jdbcUrl);
        this.registryUrl = registryUrl;
    }

    /** The URLs as the job is configured: {@code spring.datasource.url}, {@code seats.schema-registry-url}. */
    public static OutsideFailure of(Environment environment) {
        return new OutsideFailure(environment.getProperty("spring.datasource.url"),
                environment.getProperty("seats.schema-registry-url"));
    }

    /** The line for {@code failure}, or empty when it is not a failure of the folder, database or registry. */
    public Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaCheck.OutdatedSchemaException) {
                return Optional.of(oneLine(t.getMessage()));
            }
            if (t instanceof UncheckedIOException io) {
                return Optional.of(oneLine(io.getMessage()) + ": " + reason(io.getCause()));
            }
            if (t instanceof IOException io) {
                return Optional.of("File access failed: " + reason(io));
            }
            if (t instanceof DataAccessException || t instanceof SQLException) {
                return Optional.of("The job's database at " + jdbcUrl + " failed: " + databaseReason(t));
            }
            if (t instanceof SchemaRegistryException) {
                return Optional.of("The schema registry at " + registryUrl + " failed: " + oneLine(t.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** A JDBC URL with the value of any {@code password=} parameter replaced by {@code ***}. */
    public static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String reason(Throwable io) {
        if (io instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (io instanceof NoSuchFileException missing) {
            return "no such file or folder " + missing.getFile();
        }
        if (io instanceof FileSystemException fs) {
            return fs.getFile() + (fs.getReason() == null ? " (" + fs.getClass().getSimpleName() + ")"
                    : ": " + fs.getReason());
        }
        return io == null ? "" : oneLine(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
    }

    /** The driver's own words (the deepest SQLException's), not Spring's wrapping with the SQL. */
    private static String databaseReason(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
            message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return oneLine(message);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
