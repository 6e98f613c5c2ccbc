package org.seatreconciler.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.seatreconciler.system.stack.EnvironmentCheck;
import org.seatreconciler.system.support.ApicurioProcess;
import org.seatreconciler.system.support.ChildProcess;
import org.seatreconciler.schemas.support.FreePorts;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;
import org.seatreconciler.system.support.KafkaTools;

/**
 * DESIGN.md section 8, locked: a KRaft broker whose only client listener is SASL_SSL (SCRAM-SHA-512 users made
 * at format time, TLS with a certificate made by the test), {@code StandardAuthorizer} with no access unless
 * granted, and a registry served over TLS. The topics are created and the ACLs granted with the operators'
 * scripts ({@code ops/create-topics.sh}, {@code ops/grant-acls.sh}) and Kafka's own tools; then the worked
 * example goes through {@code reconciler publish}, the streams app and three nights of the job, each under
 * its own user with nothing but standard Spring Kafka settings, and gives the expected files byte for byte.
 * A client with a wrong password or an unknown user, and one with valid credentials but no ACL, are refused.
 */
class SaslSslIT {

    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final List<String> USERS = List.of("admin", "streams", "batch", "publisher", "intruder");

    private final Path work = Java.path("work.dir").resolve("sasl-" + System.currentTimeMillis());
    private final Path root = Java.path("project.root");
    private final Path example = Java.path("worked.example.dir");

    @Test
    void theWorkedExampleRunsOverSaslSslWithTheDocumentedAclsAndOthersAreRefused() throws Exception {
        Files.createDirectories(work);
        Certificates certs = Certificates.generate(work);
        int[] ports = FreePorts.pick(5);
        String bootstrap = "127.0.0.1:" + ports[0];
        KafkaTools tools = KafkaTools.in(work.resolve("kafka-bin"));
        List<String> scram = new ArrayList<>();
        USERS.forEach(user -> scram.addAll(List.of("--add-scram", "SCRAM-SHA-512=[name=" + user + ",password=" + password(user) + "]")));

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(work.resolve("broker"),
                brokerProperties(work.resolve("broker"), ports[0], ports[1], certs), scram, bootstrap);
             ApicurioProcess registry = ApicurioProcess.start("registry-tls", registryEnv(certs, ports[2], ports[3], ports[4]),
                     work.resolve("registry"), "https://127.0.0.1:" + ports[2] + "/apis/ccompat/v7/subjects", certs.sslContext())) {
            Path admin = clientConfig("admin", certs);
            Map<String, String> opsEnv = Map.of("KAFKA_BIN", tools.bin().toString(), "BOOTSTRAP_SERVERS", bootstrap,
                    "CLIENT_CONFIG", admin.toString(), "ADMIN_CONFIG", admin.toString(), "REPLICATION_FACTOR", "1",
                    "INPUT_PARTITIONS", "2", "OUTPUT_PARTITIONS", "2");
            KafkaTools.bash("create-topics", List.of(root.resolve("ops/create-topics.sh").toString()), opsEnv,
                    work.resolve("ops"), Duration.ofMinutes(2));
            assertThat(KafkaTools.bash("grant-acls", List.of(root.resolve("ops/grant-acls.sh").toString()), opsEnv,
                    work.resolve("ops"), Duration.ofMinutes(3))).contains("ACLs granted on " + bootstrap);
            String registryUrl = "https://127.0.0.1:" + ports[2] + "/apis/ccompat/v7";

            // refused: a wrong password, an unknown user, valid credentials without an ACL
            Path events = example.resolve("events.jsonl");
            assertThat(publish(clientConfig("publisher", "wrong-password", certs), events, bootstrap, registryUrl, 1))
                    .contains("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
            assertThat(publish(clientConfig("nobody", "whatever", certs), events, bootstrap, registryUrl, 1))
                    .contains("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
            assertThat(publish(clientConfig("intruder", certs), events, bootstrap, registryUrl, 1))
                    .contains("reconciler: publishing to hr.membership-events failed: Not authorized to access topics: [hr.membership-events]");

            Map<String, String> streamsEnv = appEnv("streams", certs, bootstrap, registryUrl, Map.of("SEATS_TOPICS_CREATE", "false",
                    "SPRING_KAFKA_STREAMS_REPLICATIONFACTOR", "1",
                    "SPRING_KAFKA_STREAMS_STATEDIR", work.resolve("streams-state").toString()));
            ChildProcess streams = ChildProcess.java("streams-app", List.of(), Java.path("streams.jar"), List.of(),
                    streamsEnv, work.resolve("streams"), work.resolve("streams/streams.log"));
            try (streams) {
                assertThat(publish(clientConfig("publisher", certs), events, bootstrap, registryUrl, 0, "--plans",
                        example.resolve("plans.csv").toString()))
                        .contains("Sent 42 event(s) to hr.membership-events and 2 plan assignment(s) to billing.org-plans; "
                                + "refused 2 line(s) {MALFORMED=2}");
                Path out = work.resolve("billing-out");
                Map<String, String> batchEnv = appEnv("batch", certs, bootstrap, registryUrl, Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + work.resolve("ledger/billing"),
                        "SEATS_BILLING_OUTDIR", out.toString(), "SEATS_BILLING_CATCHUPTIMEOUT", "3m"));
                // a misnamed variable would be ignored in silence: every one is a setting of its app
                assertThat(EnvironmentCheck.unreadBySpringApp(batchEnv, Java.path("batch.jar"), "batch-jobs")).isEmpty();
                assertThat(EnvironmentCheck.unreadBySpringApp(streamsEnv, Java.path("streams.jar"), "streams-app")).isEmpty();
                for (String date : List.of("2026-09-30", "2026-10-01", "2026-10-02")) {
                    ChildProcess night = ChildProcess.java("batch-" + date, List.of(), Java.path("batch.jar"),
                            List.of("--billing-date=" + date), batchEnv, work.resolve("batch"), work.resolve("batch/" + date + ".log"));
                    assertThat(night.waitFor(Duration.ofMinutes(4))).as(night.tail(30)).isTrue();
                    assertThat(night.exitValue()).as(night.tail(30) + "\n" + streams.tail(30)).isZero();
                    for (String file : List.of("invoices.csv", "seat-counts.csv")) {
                        assertThat(Files.readAllBytes(out.resolve(date).resolve(file))).as(date + "/" + file)
                                .isEqualTo(Files.readAllBytes(example.resolve("expected").resolve(date).resolve(file)));
                    }
                }
                assertThat(streams.isAlive()).as(streams.tail(30)).isTrue();
                assertThat(streams.output()).doesNotContain("TopicAuthorizationException", "GroupAuthorizationException",
                        "TransactionalIdAuthorizationException");
            }
        }
    }

    private static String password(String user) {
        return user + "-secret";
    }

    private static Properties brokerProperties(Path dir, int port, int controllerPort, Certificates certs) {
        Properties p = KafkaBrokerProcess.plaintextProperties(dir, port, controllerPort);
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        // the controller listener stays PLAINTEXT on loopback (KRaft cannot check SCRAM there: the users live
        // in the metadata it serves); its principal is ANONYMOUS, hence a super user with admin
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas("admin", password("admin")));
        p.put("ssl.keystore.location", certs.keyStore().toString());
        p.put("ssl.keystore.password", certs.password());
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.truststore.location", certs.trustStore().toString());
        p.put("ssl.truststore.password", certs.password());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:admin;User:ANONYMOUS");
        return p;
    }

    private Map<String, String> registryEnv(Certificates certs, int tlsPort, int plainPort, int managementPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(plainPort));
        env.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(tlsPort));
        env.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_FILE", certs.keyStore().toString());
        env.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD", certs.password());
        env.put("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        return env;
    }

    /** An app's settings: nothing but standard Spring Kafka properties, as environment variables. */
    private static Map<String, String> appEnv(String user, Certificates certs, String bootstrap, String registryUrl,
            Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAPSERVERS", bootstrap);
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas(user, password(user)));
        env.put("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "file:" + certs.trustStore());
        env.put("SPRING_KAFKA_SSL_TRUSTSTOREPASSWORD", certs.password());
        env.put("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PKCS12");
        env.put("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", certs.trustStore().toString());
        env.put("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", certs.password());
        env.put("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12");
        env.put("SEATS_SCHEMAREGISTRYURL", registryUrl);
        env.putAll(more);
        return env;
    }

    private Path clientConfig(String user, Certificates certs) throws IOException {
        return clientConfig(user, password(user), certs);
    }

    /** A Kafka client properties file, as for Kafka's tools' --command-config and reconciler publish --client-config. */
    private Path clientConfig(String user, String password, Certificates certs) throws IOException {
        Properties p = new Properties();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", jaas(user, password));
        p.put("ssl.truststore.location", certs.trustStore().toString());
        p.put("ssl.truststore.password", certs.password());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("schema.registry.ssl.truststore.location", certs.trustStore().toString());
        p.put("schema.registry.ssl.truststore.password", certs.password());
        p.put("schema.registry.ssl.truststore.type", "PKCS12");
        Path file = work.resolve("client-" + user + "-" + password + ".properties");
        try (var out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
        return file;
    }

    private String publish(Path clientConfig, Path events, String bootstrap, String registryUrl, int expectedExit,
            String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--events", events.toString(), "--bootstrap-servers",
                bootstrap, "--registry", registryUrl, "--client-config", clientConfig.toString()));
        args.addAll(List.of(more));
        ChildProcess publish = ChildProcess.java("publish", List.of(), Java.path("reconciler.jar"), args, Map.of(),
                work.resolve("publish"), work.resolve("publish/publish-" + System.nanoTime() + ".log"));
        assertThat(publish.waitFor(Duration.ofMinutes(2))).as(publish.tail(20)).isTrue();
        assertThat(publish.exitValue()).as(publish.tail(20)).isEqualTo(expectedExit);
        return publish.output();
    }

    private static String jaas(String user, String password) {
        return SCRAM + " required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
