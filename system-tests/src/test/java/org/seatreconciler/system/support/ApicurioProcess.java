package org.seatreconciler.system.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.seatreconciler.schemas.testing.JavaRuntimes;

/**
 * Apicurio Registry 3 (the Maven Central build the build unpacks into {@code registry.app.dir}) as a child
 * process on a Java 21+ runtime, configured through its environment as its container image would be.
 */
public final class ApicurioProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Map<String, String> env;
    private final Path dir;
    private final String readyUrl;
    private final SSLContext ssl;
    private ChildProcess process;
    private int starts;

    private ApicurioProcess(String name, Map<String, String> env, Path dir, String readyUrl, SSLContext ssl) {
        this.name = name;
        this.env = Map.copyOf(env);
        this.dir = dir;
        this.readyUrl = readyUrl;
        this.ssl = ssl;
    }

    /**
     * Starts it and waits until {@code readyUrl} answers 200.
     *
     * @param ssl trusts the registry's certificate when {@code readyUrl} is https, else null
     */
    public static ApicurioProcess start(String name, Map<String, String> env, Path dir, String readyUrl, SSLContext ssl) {
        ApicurioProcess registry = new ApicurioProcess(name, env, dir, readyUrl, ssl);
        registry.launch();
        return registry;
    }

    private void launch() {
        starts++;
        List<String> command = new ArrayList<>(List.of(JavaRuntimes.javaAtLeast(21).toString(), "-Xmx384m",
                "-jar", Java.path("registry.app.dir").resolve("quarkus-run.jar").toString()));
        process = ChildProcess.start(name, command, env, dir, dir.resolve(name + "-" + starts + ".log"));
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        HttpClient http = builder.build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + process.tail(60));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(readyUrl)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                process.kill();
                throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + ": " + process.tail(60));
            }
            sleep();
        }
    }

    /** SIGKILL: whatever it keeps only in memory is lost. */
    public void kill() {
        process.kill();
    }

    /** Starts it again with the same environment, after {@link #kill}. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
