package org.seatreconciler.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka's own command-line tools ({@code kafka-topics.sh}, {@code kafka-acls.sh}, ...) as small scripts in a
 * {@code bin} folder that run the tool classes from the Kafka jars, so operators' scripts and the compose
 * file's commands run as written, with only the folder of the tools changed.
 */
public final class KafkaTools {

    private static final Map<String, String> TOOLS = Map.of(
            "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand",
            "kafka-acls.sh", "org.apache.kafka.tools.AclCommand",
            "kafka-configs.sh", "kafka.admin.ConfigCommand",
            "kafka-broker-api-versions.sh", "org.apache.kafka.tools.BrokerApiVersionsCommand");

    private final Path bin;

    private KafkaTools(Path bin) {
        this.bin = bin;
    }

    /** Writes the scripts into {@code bin}. */
    public static KafkaTools in(Path bin) {
        try {
            Files.createDirectories(bin);
            for (Map.Entry<String, String> tool : TOOLS.entrySet()) {
                Path script = bin.resolve(tool.getKey());
                Files.writeString(script, "#!/usr/bin/env bash\nexec '" + Java.executable() + "' -Xmx256m -cp '"
                        + Java.kafkaClasspath() + "' " + tool.getValue() + " \"$@\"\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new KafkaTools(bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path bin() {
        return bin;
    }

    /**
     * Runs a shell script or command with bash, waits for it and returns its output.
     *
     * @throws IllegalStateException with the output when it fails or takes longer than {@code timeout}
     */
    public static String bash(String name, List<String> args, Map<String, String> env, Path workDir, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(args);
        ChildProcess process = ChildProcess.start(name, command, env, workDir, workDir.resolve(name + ".log"));
        if (!process.waitFor(timeout)) {
            process.kill();
            throw new IllegalStateException(name + " did not finish within " + timeout + ": " + process.tail(40));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit status " + process.exitValue() + ": " + process.tail(40));
        }
        return process.output();
    }
}
