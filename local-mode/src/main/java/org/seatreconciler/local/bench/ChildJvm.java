package org.seatreconciler.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A production jar run as an operator runs it, {@code java [options] -jar jar [args]} on this JVM's
 * runtime, its output in a log file. Closing stops it (SIGTERM, then SIGKILL after a grace period); a
 * JVM shutdown hook kills it if the bench is stopped first.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread hook;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.hook = new Thread(process::destroyForcibly, "kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static ChildJvm start(List<String> jvmOptions, Path jar, List<String> args, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        try {
            Files.createDirectories(workDir);
            return new ChildJvm(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + jar, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Waits for the process to end by itself; its exit status, or empty after the timeout. */
    java.util.OptionalInt waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    /** Runs {@code wait}; if it fails, the failure names the last lines of this process's log. */
    <T> T explainingFailure(java.util.function.Supplier<T> wait) {
        try {
            return wait.get();
        } catch (RuntimeException e) {
            throw new org.seatreconciler.local.ReconcilerException(e.getMessage() + "; " + firstError()
                    .map(error -> "first error in " + log + ": " + error)
                    .orElse("last lines of " + log + ": " + String.join(" | ", tail(5))), e);
        }
    }

    /** The first ERROR line of the log and the line naming its exception, e.g. an OutOfMemoryError. */
    java.util.Optional<String> firstError() {
        try {
            List<String> all = Files.readAllLines(log);
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).contains(" ERROR ")) {
                    String cause = all.subList(i + 1, Math.min(all.size(), i + 4)).stream()
                            .filter(l -> !l.isBlank()).findFirst().orElse("");
                    return java.util.Optional.of(all.get(i).strip() + " | " + cause.strip());
                }
            }
            return java.util.Optional.empty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }

    private List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (waitFor(Duration.ofSeconds(30)).isEmpty()) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(30));
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }
}
