package org.seatreconciler.system.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.seatreconciler.system.support.ChildProcess;
import org.seatreconciler.schemas.support.FreePorts;
import org.seatreconciler.system.support.Java;

/**
 * The streams app's production jar ({@code streams.jar}) as an OS process, started as an operator would:
 * settings as arguments, its state folder under the test's work folder, the web server on (unless the
 * settings say {@code --spring.main.web-application-type=none}) so that its health
 * ({@code /actuator/health}, component {@code kafkaStreams}) can be watched. {@link #kill()} is SIGKILL.
 */
final class StreamsAppProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final int port = FreePorts.pick();
    private ChildProcess process;
    private int starts;

    /**
     * @param settings {@code --key=value} arguments beside the ones every start gets (bootstrap servers,
     *                 registry, state folder, HTTP port)
     */
    StreamsAppProcess(Path dir, String bootstrapServers, String registryUrl, List<String> settings) {
        this.dir = dir;
        this.settings = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--seats.schema-registry-url=" + registryUrl,
                "--spring.kafka.streams.state-dir=" + stateDir(),
                "--spring.main.banner-mode=off"));
        if (settings.stream().noneMatch(s -> s.startsWith("--spring.main.web-application-type="))) {
            this.settings.addAll(List.of("--spring.main.web-application-type=servlet", "--server.port=" + port,
                    "--server.tomcat.basedir=" + dir.resolve("tomcat")));
        }
        this.settings.addAll(settings);
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    void start() {
        starts++;
        process = ChildProcess.java("streams-app", List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                Java.path("streams.jar"), settings, Map.of(), dir, dir.resolve("streams-app-" + starts + ".log"));
    }

    /** SIGKILL, no shutdown hook runs: an open transaction stays open until the broker aborts it. */
    void kill() {
        process.kill();
    }

    /** Deletes the state folder, as a lost disk or a fresh machine would have it: state comes back from the changelogs. */
    void wipeState() {
        if (!Files.exists(stateDir())) {
            return;
        }
        try (Stream<Path> files = Files.walk(stateDir())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    ChildProcess process() {
        return process;
    }

    int starts() {
        return starts;
    }

    /** How many lines of all its runs' logs contain {@code text}. */
    long logLines(String text) {
        long count = 0;
        for (int start = 1; start <= starts; start++) {
            Path log = dir.resolve("streams-app-" + start + ".log");
            try (Stream<String> lines = Files.exists(log) ? Files.lines(log) : Stream.empty()) {
                count += lines.filter(line -> line.contains(text)).count();
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalStateException("Cannot read " + log, e);
            }
        }
        return count;
    }

    /** The streams client's state from {@code /actuator/health}, or null when the app does not answer (yet). */
    String streamsState() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String state = JSON.readTree(response.body()).path("components").path("kafkaStreams").path("details")
                    .path("state").asText(null);
            return state;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
