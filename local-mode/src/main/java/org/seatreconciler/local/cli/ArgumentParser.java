package org.seatreconciler.local.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.seatreconciler.batch.billing.SeatBasis;

/**
 * Turns the command line into a {@link Command}, checking everything that can be checked without
 * starting anything: options known and given once, dates, zone, seat basis, input files readable, the
 * output folder usable. Any problem is a {@link UsageException} with a one-line message.
 */
public final class ArgumentParser {

    private static final Set<String> RUN_OPTIONS = Set.of("--events", "--plans", "--from", "--to", "--seat-basis",
            "--zone", "--out", "--max-dates", "--preview");
    private static final Set<String> EXPLAIN_OPTIONS = Set.of("--events", "--plans", "--org", "--date", "--from",
            "--seat-basis", "--zone", "--json");
    /** Options that take no value: {@code run --preview}, {@code explain --json} (bench's --json names a file). */
    private static final Map<String, Set<String>> FLAGS = Map.of("run", Set.of("--preview"), "explain", Set.of("--json"));
    /** A run bills each date in order; a range longer than this is most likely a typo, and takes long. */
    public static final int DEFAULT_MAX_DATES = 400;
    private static final Set<String> DEMO_OPTIONS = Set.of("--out", "--seat-basis", "--zone");
    private static final Set<String> PUBLISH_OPTIONS = Set.of("--events", "--plans", "--bootstrap-servers", "--registry",
            "--client-config");
    private static final Set<String> HELP_FLAGS = Set.of("--help", "-h");

    private final Path workingDir;

    /** @param workingDir the caller's directory, against which relative paths are resolved */
    public ArgumentParser(Path workingDir) {
        this.workingDir = workingDir.toAbsolutePath();
    }

    public Command parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("no command given (try 'reconciler --help')");
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (HELP_FLAGS.contains(command) || command.equals("help")) {
            return new Command.Help(Usage.MAIN);
        }
        return switch (command) {
            case "run" -> rest.stream().anyMatch(HELP_FLAGS::contains) ? new Command.Help(Usage.RUN) : run(options(command, rest, RUN_OPTIONS));
            case "explain" -> rest.stream().anyMatch(HELP_FLAGS::contains) ? new Command.Help(Usage.EXPLAIN) : explain(options(command, rest, EXPLAIN_OPTIONS));
            case "demo" -> rest.stream().anyMatch(HELP_FLAGS::contains) ? new Command.Help(Usage.DEMO) : demo(options(command, rest, DEMO_OPTIONS));
            case "bench" -> rest.stream().anyMatch(HELP_FLAGS::contains) ? new Command.Help(Usage.BENCH) : new BenchArguments(workingDir).parse(options(command, rest, BenchArguments.OPTIONS));
            case "publish" -> rest.stream().anyMatch(HELP_FLAGS::contains) ? new Command.Help(Usage.PUBLISH) : publish(options(command, rest, PUBLISH_OPTIONS));
            default -> throw new UsageException(command.startsWith("-")
                    ? "unknown option '" + command + "' (try 'reconciler --help')"
                    : "unknown command '" + command + "' (commands: run, explain, demo, publish, bench, help)");
        };
    }

    private Command.Run run(Map<String, String> options) {
        Path events = readableFile("--events", required(options, "--events"));
        Optional<Path> plans = Optional.ofNullable(options.get("--plans")).map(p -> readableFile("--plans", p));
        LocalDate from = date("--from", required(options, "--from"));
        LocalDate to = Optional.ofNullable(options.get("--to")).map(d -> date("--to", d)).orElse(from);
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        long dates = ChronoUnit.DAYS.between(from, to) + 1;
        long maxDates = BenchArguments.whole(options, "--max-dates", DEFAULT_MAX_DATES, 1);
        if (dates > maxDates) {
            throw new UsageException("--from " + from + " --to " + to + " is " + dates + " dates, more than the limit of "
                    + maxDates + " (raise it with --max-dates)");
        }
        return new Command.Run(events, plans, from, to, seatBasis(options), zone(options), outDir(required(options, "--out")),
                options.containsKey("--preview"));
    }

    private Command.Explain explain(Map<String, String> options) {
        Path events = readableFile("--events", required(options, "--events"));
        Optional<Path> plans = Optional.ofNullable(options.get("--plans")).map(p -> readableFile("--plans", p));
        String org = required(options, "--org").trim();
        if (org.isEmpty()) {
            throw new UsageException("--org needs an organisation id");
        }
        LocalDate date = date("--date", required(options, "--date"));
        LocalDate from = Optional.ofNullable(options.get("--from")).map(d -> date("--from", d))
                .orElse(date.withDayOfMonth(1));
        if (from.isAfter(date)) {
            throw new UsageException("--from " + from + " is after --date " + date);
        }
        return new Command.Explain(events, plans, org, date, from, seatBasis(options), zone(options),
                options.containsKey("--json"));
    }

    private Command.Publish publish(Map<String, String> options) {
        Path events = readableFile("--events", required(options, "--events"));
        Optional<Path> plans = Optional.ofNullable(options.get("--plans")).map(p -> readableFile("--plans", p));
        String bootstrap = required(options, "--bootstrap-servers").trim();
        if (!bootstrap.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")) {
            throw new UsageException("--bootstrap-servers '" + bootstrap + "' is not a list of HOST:PORT");
        }
        String registry = required(options, "--registry").trim();
        if (!registry.matches("https?://\\S+")) {
            throw new UsageException("--registry '" + registry + "' is not an http:// or https:// URL");
        }
        Map<String, String> clientConfig = Optional.ofNullable(options.get("--client-config"))
                .map(p -> ClientConfigFile.read(readableFile("--client-config", p))).orElse(Map.of());
        return new Command.Publish(events, plans, bootstrap, registry, clientConfig);
    }

    private Command.Demo demo(Map<String, String> options) {
        return new Command.Demo(outDir(options.getOrDefault("--out", "demo-out")), seatBasis(options), zone(options));
    }

    private static Map<String, String> options(String command, List<String> args, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!known.contains(name)) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + name + "' for " + command + " (try 'reconciler " + command + " --help')"
                        : "unexpected argument '" + arg + "' for " + command + " (try 'reconciler " + command + " --help')");
            }
            if (FLAGS.getOrDefault(command, Set.of()).contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException(name + " is given more than once");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }

    private static SeatBasis seatBasis(Map<String, String> options) {
        String text = options.getOrDefault("--seat-basis", SeatBasis.END_OF_DAY.name());
        try {
            return SeatBasis.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown seat basis '" + text + "' (expected one of "
                    + Arrays.stream(SeatBasis.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static ZoneId zone(Map<String, String> options) {
        String text = options.getOrDefault("--zone", "UTC");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new UsageException("unknown zone '" + text + "' (expected e.g. UTC or Europe/Paris)");
        }
    }

    private Path readableFile(String option, String text) {
        Path path = workingDir.resolve(text).normalize();
        if (!Files.exists(path)) {
            throw new UsageException(option + " file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException(option + " " + path + " is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException(option + " file " + path + " is not readable");
        }
        return path;
    }

    /**
     * The output folder, checked without creating it (nothing is written while arguments may still be
     * wrong): an existing writable folder, or one whose nearest existing parent is a writable folder.
     */
    private Path outDir(String text) {
        if (text.isBlank()) {
            throw new UsageException("--out is empty: name the output folder");
        }
        Path path = workingDir.resolve(text).normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new UsageException("--out " + path + " exists and is not a folder");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw new UsageException("--out folder " + path + " is not writable");
        }
        Path existing = path;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new UsageException("--out " + path + " cannot be created: " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new UsageException("--out " + path + " cannot be created: " + existing + " is not writable");
        }
        return path;
    }
}
