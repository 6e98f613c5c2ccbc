package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.cli.Usage;
import org.seatreconciler.local.pipeline.Components;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * {@code reconciler publish} refuses bad arguments and files with one line and exit 2 before it connects to
 * anything (the bootstrap address is a closed port: a connection attempt would hang, not fail fast). Sending
 * to a real cluster is tested in system-tests (StackIT against Apicurio, SaslSslIT over SASL_SSL with ACLs).
 */
class PublishArgumentsTest {

    private static final String CLOSED = "127.0.0.1:1";
    private static final String REGISTRY = "http://127.0.0.1:1/apis/ccompat/v7";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ReconcilerCli cli;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("events.jsonl"), "{}\n");
        Files.writeString(dir.resolve("plans.csv"), "org_id,plan\nsolo-c,PLATINUM\n");
        Files.writeString(dir.resolve("bad.properties"), "sasl.jaas.config=\\u12\n");
        Components nothingMayStart = new Components(
                settings -> {
                    throw new AssertionError("the streams app must not start");
                },
                settings -> {
                    throw new AssertionError("the nightly job must not start");
                },
                DefaultComponents.planCodes(), Duration.ofSeconds(1));
        cli = new ReconcilerCli(nothingMayStart, dir, Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theClusterIsRequired() {
        assertUsageError("reconciler: --bootstrap-servers is required", "publish", "--events", "events.jsonl",
                "--registry", REGISTRY);
    }

    @Test
    void theClusterMustBeHostAndPort() {
        assertUsageError("reconciler: --bootstrap-servers 'kafka' is not a list of HOST:PORT", "publish",
                "--events", "events.jsonl", "--bootstrap-servers", "kafka", "--registry", REGISTRY);
    }

    @Test
    void theRegistryMustBeAnHttpUrl() {
        assertUsageError("reconciler: --registry 'mock://local' is not an http:// or https:// URL", "publish",
                "--events", "events.jsonl", "--bootstrap-servers", CLOSED, "--registry", "mock://local");
    }

    @Test
    void aClientConfigThatIsNotAPropertiesFile() {
        assertUsageError("reconciler: --client-config " + dir.resolve("bad.properties")
                        + " is not a properties file: Malformed \\uxxxx encoding.", "publish", "--events", "events.jsonl",
                "--bootstrap-servers", CLOSED, "--registry", REGISTRY, "--client-config", "bad.properties");
    }

    @Test
    void aPlanMissingFromTheCatalogueStopsBeforeAnythingIsSent() {
        assertUsageError("reconciler: plans.csv line 2: org 'solo-c' has plan 'PLATINUM', which is not in the catalogue "
                        + "(GROUP, ENTERPRISE, STARTER)", "publish", "--events", "events.jsonl", "--plans", "plans.csv",
                "--bootstrap-servers", CLOSED, "--registry", REGISTRY);
    }

    @Test
    void anOptionOfRunIsRefused() {
        assertUsageError("reconciler: unknown option '--from' for publish (try 'reconciler publish --help')", "publish",
                "--events", "events.jsonl", "--from", "2026-09-30");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(cli.execute("publish", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Usage.PUBLISH);
    }

    private void assertUsageError(String expected, String... args) {
        int status = cli.execute(args);

        assertThat(status).isEqualTo(ReconcilerCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(expected + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
