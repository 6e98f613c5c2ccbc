package org.seatreconciler.local.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code reconciler bench}, checked before anything starts: sizes are positive whole
 * numbers, partition lists are comma-separated, the production jars exist, and the long memory runs
 * name the jar they run. Any problem is a {@link UsageException} with a one-line message.
 */
final class BenchArguments {

    static final Set<String> OPTIONS = Set.of("--events", "--orgs", "--days", "--partitions", "--threads",
            "--latency-rate", "--latency-seconds", "--json", "--streams-jar", "--batch-jar", "--members",
            "--night-orgs", "--night-ledger", "--jvm-opts", "--streams-props", "--skip");

    private final Path workingDir;

    BenchArguments(Path workingDir) {
        this.workingDir = workingDir;
    }

    Command.Bench parse(Map<String, String> options) {
        long events = whole(options, "--events", 200_000, 1);
        int orgs = (int) whole(options, "--orgs", 2_000, 1);
        int days = (int) whole(options, "--days", 3, 1);
        List<Integer> partitions = partitions(options.getOrDefault("--partitions", "1,4"));
        int threads = (int) whole(options, "--threads", 0, 1);
        Command.Latency latency = new Command.Latency((int) whole(options, "--latency-rate", 5_000, 1),
                Duration.ofSeconds(whole(options, "--latency-seconds", 60, 0)));
        Optional<Path> streamsJar = Optional.ofNullable(options.get("--streams-jar")).map(p -> jar("--streams-jar", p));
        Optional<Path> batchJar = Optional.ofNullable(options.get("--batch-jar")).map(p -> jar("--batch-jar", p));
        Optional<String> nightLedger = Optional.ofNullable(options.get("--night-ledger")).map(String::trim);
        Command.Scale scale = new Command.Scale(whole(options, "--members", 0, 1), whole(options, "--night-orgs", 0, 1),
                nightLedger);
        if (scale.members() > 0 && streamsJar.isEmpty()) {
            throw new UsageException("--members runs the streams app's jar with -Xmx512m: give --streams-jar too");
        }
        if (scale.nightOrgs() > 0 && batchJar.isEmpty()) {
            throw new UsageException("--night-orgs runs the nightly job's jar with -Xmx512m: give --batch-jar too");
        }
        if (nightLedger.isPresent() && !nightLedger.get().startsWith("jdbc:")) {
            throw new UsageException("--night-ledger '" + nightLedger.get() + "' is not a JDBC URL (jdbc:...)");
        }
        if (nightLedger.isPresent() && scale.nightOrgs() == 0) {
            throw new UsageException("--night-ledger is the ledger of the --night-orgs run: give --night-orgs too");
        }
        List<String> jvmOpts = List.of(options.getOrDefault("--jvm-opts", "").trim().split("\\s+")).stream()
                .filter(s -> !s.isEmpty()).toList();
        Optional<Path> json = Optional.ofNullable(options.get("--json")).map(this::jsonFile);
        return new Command.Bench(events, orgs, days, partitions, threads, latency,
                new Command.Jars(streamsJar, batchJar, jvmOpts), scale,
                properties(options.getOrDefault("--streams-props", "")), skip(options.getOrDefault("--skip", "")), json);
    }

    /**
     * A whole number of at least {@code min} and at most {@link Integer#MAX_VALUE} (underscores allowed:
     * {@code 10_000_000}); absent: the default.
     */
    static long whole(Map<String, String> options, String name, long defaultValue, long min) {
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.replace("_", ""));
            if (value >= min && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " '" + text + "' is not a " + (min > 0 ? "positive" : "non-negative")
                + " whole number");
    }

    private static List<Integer> partitions(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int count = Integer.parseInt(part.trim());
                if (count > 0 && count <= 1_000 && !counts.contains(count)) {
                    counts.add(count);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--partitions '" + text + "' is not a list of distinct partition counts "
                    + "from 1 to 1000, e.g. 1,4");
        }
        return List.copyOf(counts);
    }

    private static Map<String, String> properties(String text) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new UsageException("--streams-props '" + text + "': '" + pair.trim()
                        + "' is not of the form name=value (e.g. statestore.cache.max.bytes=0)");
            }
            properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return properties;
    }

    private static Set<Command.BenchPart> skip(String text) {
        Set<Command.BenchPart> parts = EnumSet.noneOf(Command.BenchPart.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                parts.add(Command.BenchPart.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--skip '" + text + "': '" + part.trim() + "' is not one of pipeline, ceilings, latency");
            }
        }
        return parts;
    }

    private Path jar(String option, String text) {
        Path path = workingDir.resolve(text).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException(option + " " + path + " is not a readable file (build it with "
                    + "./mvnw -B -DskipTests package)");
        }
        return path;
    }

    private Path jsonFile(String text) {
        Path path = workingDir.resolve(text).normalize();
        if (Files.isDirectory(path)) {
            throw new UsageException("--json " + path + " is a folder, not a file");
        }
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("--json folder " + parent + " does not exist");
        }
        return path;
    }
}
