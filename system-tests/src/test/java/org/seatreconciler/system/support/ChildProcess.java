package org.seatreconciler.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An OS process the test started (a broker, an app's runnable jar), with its stdout and stderr in one log
 * file. {@link #kill()} is SIGKILL: the process gets no chance to clean up, as when a machine is lost.
 * Processes still alive when the JVM exits are killed by a shutdown hook, so a failed test leaves none.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Starts {@code command} in {@code workDir} with {@code env} added to this JVM's environment. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /** {@code java [jvmArgs] -jar jar [args]} on this JVM's runtime. */
    public static ChildProcess java(String name, List<String> jvmArgs, Path jar, List<String> args,
            Map<String, String> env, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Java.executable().toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return start(name, command, env, workDir, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM (the JVM runs its shutdown hooks), then SIGKILL if it is not gone within {@code grace}. */
    public void stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    /** @return whether the process ended within {@code timeout} */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The exit status; the process must have ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return log;
    }

    /** What the process has written so far (stdout and stderr, interleaved). */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the output, for assertion messages. */
    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return name + " (pid " + pid() + ", log " + log + "):\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
