package org.seatreconciler.schemas.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given version for a child process that needs a newer Java than the
 * build (Apicurio Registry 3 needs 21), so the tests run on any machine layout: the running JVM when it
 * is new enough, else the one configured ({@value #PROPERTY} or {@value #ENV}), else the newest one in
 * the usual install locations. Shared by {@code RealRegistryIT} and the system tests (test-jar).
 */
public final class JavaRuntimes {

    public static final String PROPERTY = "registry.java.home";
    public static final String ENV = "REGISTRY_JAVA_HOME";
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)(?:\\.[^\"]*)?\"", Pattern.MULTILINE);

    private JavaRuntimes() {
    }

    /**
     * The {@code java} executable of a runtime of at least {@code feature} (e.g. 21).
     *
     * @throws IllegalStateException with one line saying what to install or set, when there is none
     */
    public static Path javaAtLeast(int feature) {
        String home = System.getProperty("user.home", "");
        return find(feature, Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                configured(), searchRoots(Path.of(home)));
    }

    static Path find(int feature, Path runningHome, int runningFeature, Optional<Path> configured, List<Path> roots) {
        if (runningFeature >= feature) {
            return executable(runningHome);
        }
        if (configured.isPresent()) {
            Path dir = configured.get();
            int version = version(dir).orElse(0);
            if (version < feature || !Files.isExecutable(executable(dir))) {
                throw new IllegalStateException("The Java runtime configured by -D" + PROPERTY + " or " + ENV + " (" + dir
                        + ") is not a Java " + feature + "+ runtime" + (version > 0 ? " (it is Java " + version + ")" : "")
                        + ": point it at the home folder of a JDK or JRE " + feature + " or later");
            }
            return executable(dir);
        }
        return roots.stream().flatMap(JavaRuntimes::children)
                .filter(dir -> Files.isExecutable(executable(dir)))
                .filter(dir -> version(dir).orElse(0) >= feature)
                .max(Comparator.comparingInt((Path dir) -> version(dir).orElse(0)).thenComparing(Path::toString))
                .map(JavaRuntimes::executable)
                .orElseThrow(() -> new IllegalStateException("No Java " + feature + "+ runtime found (this build runs on Java "
                        + runningFeature + "; searched " + roots + "): install a JDK or JRE " + feature
                        + " or later (e.g. Temurin " + feature + ") there, or set -D" + PROPERTY + "=<its home> or "
                        + ENV));
    }

    /** The major version in {@code <home>/release} ({@code JAVA_VERSION="25.0.3"}), which every JDK and JRE has. */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(m.group(1)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static List<Path> searchRoots(Path userHome) {
        List<Path> roots = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).map(Path::getParent)
                .ifPresent(roots::add);
        roots.add(Path.of("/usr/lib/jvm"));
        roots.add(Path.of("/usr/java"));
        roots.add(Path.of("/opt/java"));
        roots.add(Path.of("/opt"));
        roots.add(userHome.resolve(".sdkman/candidates/java"));
        roots.add(userHome.resolve(".jdks"));
        roots.add(userHome.resolve(".asdf/installs/java"));
        roots.add(Path.of("/Library/Java/JavaVirtualMachines"));
        return roots;
    }

    private static Optional<Path> configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }

    /** The folders directly under a root, and macOS's {@code <bundle>/Contents/Home}. */
    private static Stream<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory)
                    .flatMap(dir -> Stream.of(dir, dir.resolve("Contents/Home")))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Path executable(Path home) {
        return home.resolve("bin").resolve("java");
    }
}
