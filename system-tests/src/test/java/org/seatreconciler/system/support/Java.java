package org.seatreconciler.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The runtime the tests run on, and the settings the build hands them. */
public final class Java {

    private Java() {
    }

    /** {@code java} of the running JVM: the child processes run on the same runtime as the tests. */
    public static Path executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The classpath of the Kafka server and tools (written by the build into target/kafka.classpath). */
    public static String kafkaClasspath() {
        try {
            return Files.readString(Path.of(required("kafka.classpath.file"))).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path the build passes as a system property (streams.jar, batch.jar, reconciler.jar, work.dir). */
    public static Path path(String property) {
        return Path.of(required(property)).toAbsolutePath().normalize();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the system tests "
                    + "through Maven (./mvnw -B verify), which sets it");
        }
        return value;
    }
}
