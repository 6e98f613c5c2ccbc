package org.seatreconciler.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reconciler bench}'s options: defaults, values, and one line for each bad value. */
class BenchArgumentsTest {

    @TempDir
    Path dir;

    private Command parse(String... args) {
        return new ArgumentParser(dir).parse(args);
    }

    @Test
    void defaults() {
        Command.Bench bench = (Command.Bench) parse("bench");

        assertThat(bench).isEqualTo(Command.Bench.of(200_000, 2_000, 3));
        assertThat(bench.partitions()).containsExactly(1, 4);
        assertThat(bench.threadsFor(1)).isEqualTo(1);
        assertThat(bench.threadsFor(4)).isEqualTo(2);
        assertThat(bench.latency()).isEqualTo(new Command.Latency(5_000, Duration.ofSeconds(60)));
        assertThat(bench.scale()).isEqualTo(new Command.Scale(0, 0));
        assertThat(bench.json()).isEmpty();
        assertThat(bench.runs(Command.BenchPart.PIPELINE)).isTrue();
        assertThat(bench.runs(Command.BenchPart.LATENCY)).isTrue();
        assertThat(((Command.Bench) parse("bench", "--latency-seconds", "0")).runs(Command.BenchPart.LATENCY)).isFalse();
    }

    @Test
    void everyOption() throws Exception {
        Path streams = Files.writeString(dir.resolve("streams.jar"), "");
        Path batch = Files.writeString(dir.resolve("batch.jar"), "");

        Command.Bench bench = (Command.Bench) parse("bench", "--events", "1_000_000", "--orgs=20000", "--days", "1",
                "--partitions", "1, 6", "--threads", "3", "--latency-rate", "2000", "--latency-seconds", "0",
                "--json", "figures.json", "--streams-jar", "streams.jar", "--batch-jar", "batch.jar",
                "--members", "10_000_000", "--night-orgs", "1000000", "--night-ledger", "jdbc:postgresql://db/billing",
                "--jvm-opts=-XX:+UseSerialGC  -Xss1m",
                "--streams-props", "statestore.cache.max.bytes=0, commit.interval.ms=5000", "--skip", "pipeline, Latency");

        assertThat(bench).isEqualTo(new Command.Bench(1_000_000, 20_000, 1, List.of(1, 6), 3,
                new Command.Latency(2_000, Duration.ZERO),
                new Command.Jars(Optional.of(streams), Optional.of(batch), List.of("-XX:+UseSerialGC", "-Xss1m")),
                new Command.Scale(10_000_000, 1_000_000, Optional.of("jdbc:postgresql://db/billing")),
                Map.of("statestore.cache.max.bytes", "0", "commit.interval.ms", "5000"), Set.of(Command.BenchPart.PIPELINE, Command.BenchPart.LATENCY),
                Optional.of(dir.resolve("figures.json"))));
        assertThat(bench.threadsFor(6)).isEqualTo(3);
        assertThat(bench.runs(Command.BenchPart.CEILINGS)).isTrue();
        assertThat(bench.runs(Command.BenchPart.PIPELINE)).isFalse();
    }

    @Test
    void badValuesAreOneLine() {
        assertError("--events '0' is not a positive whole number", "bench", "--events", "0");
        assertError("--night-ledger 'billing.db' is not a JDBC URL (jdbc:...)", "bench", "--night-ledger", "billing.db");
        assertError("--night-ledger is the ledger of the --night-orgs run: give --night-orgs too", "bench",
                "--night-ledger", "jdbc:postgresql://db/billing");
        assertError("--orgs 'many' is not a positive whole number", "bench", "--orgs", "many");
        assertError("--threads '-1' is not a positive whole number", "bench", "--threads=-1");
        assertError("--latency-seconds '-5' is not a non-negative whole number", "bench", "--latency-seconds=-5");
        assertError("--latency-rate '99999999999' is not a positive whole number", "bench", "--latency-rate",
                "99999999999");
        assertError("--partitions '1,,4' is not a list of distinct partition counts from 1 to 1000, e.g. 1,4",
                "bench", "--partitions", "1,,4");
        assertError("--partitions '4,4' is not a list of distinct partition counts from 1 to 1000, e.g. 1,4",
                "bench", "--partitions", "4,4");
        assertError("--partitions '0' is not a list of distinct partition counts from 1 to 1000, e.g. 1,4",
                "bench", "--partitions", "0");
        assertError("--streams-jar " + dir.resolve("nope.jar") + " is not a readable file (build it with "
                + "./mvnw -B -DskipTests package)", "bench", "--streams-jar", "nope.jar");
        assertError("--members runs the streams app's jar with -Xmx512m: give --streams-jar too", "bench",
                "--members", "10000000");
        assertError("--night-orgs runs the nightly job's jar with -Xmx512m: give --batch-jar too", "bench",
                "--night-orgs", "1000000");
        assertError("--json folder " + dir.resolve("missing") + " does not exist", "bench", "--json", "missing/f.json");
        assertError("--json " + dir + " is a folder, not a file", "bench", "--json", ".");
        assertError("unknown option '--partition' for bench (try 'reconciler bench --help')", "bench",
                "--partition", "4");
        assertError("--skip 'pipeline,import': 'import' is not one of pipeline, ceilings, latency", "bench", "--skip",
                "pipeline,import");
        assertError("--streams-props 'a=1,b': 'b' is not of the form name=value (e.g. statestore.cache.max.bytes=0)",
                "bench", "--streams-props", "a=1,b");
        assertError("--streams-props '=1': '=1' is not of the form name=value (e.g. statestore.cache.max.bytes=0)",
                "bench", "--streams-props", "=1");
        assertError("--events is given more than once", "bench", "--events", "1", "--events", "2");
    }

    @Test
    void helpNamesEveryOption() {
        Command.Help help = (Command.Help) parse("bench", "--help");

        assertThat(help.text()).contains("--partitions", "--threads", "--latency-rate", "--latency-seconds", "--json",
                "--streams-jar", "--batch-jar", "--members", "--night-orgs", "--jvm-opts", "--streams-props", "--skip");
        assertThat(BenchArguments.OPTIONS).allSatisfy(option -> assertThat(help.text()).contains(option));
    }

    private void assertError(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
