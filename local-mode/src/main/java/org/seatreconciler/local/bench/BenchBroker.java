package org.seatreconciler.local.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.broker.LocalKafkaBroker;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.local.pipeline.LocalSettings;
import org.seatreconciler.local.pipeline.TopicSetup;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * The one broker every side-by-side measurement runs on, with one in-memory registry scope (served over
 * HTTP for the production jars when they run), an admin client and a scratch folder. Each measurement
 * gets topics of its own under a prefix, so none reads another's records.
 */
final class BenchBroker implements AutoCloseable {

    private final LocalKafkaBroker broker;
    private final String registryScope = "bench-" + UUID.randomUUID();
    private final Admin admin;
    private final Path scratch;
    private RegistryHttpServer httpRegistry;

    BenchBroker(LocalKafkaBroker broker, Path scratch) {
        this.broker = broker;
        this.scratch = scratch;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    InMemorySchemaRegistry registry() {
        return InMemorySchemaRegistry.scope(registryScope);
    }

    String registryUrl() {
        return "mock://" + registryScope;
    }

    /** The same registry over HTTP, for child processes; started on first use. */
    synchronized String httpRegistryUrl() {
        if (httpRegistry == null) {
            httpRegistry = RegistryHttpServer.start(registry());
        }
        return httpRegistry.url();
    }

    Path scratch(String name) {
        return scratch.resolve(name);
    }

    /** The seat app's five topics under {@code prefix}, each with {@code partitions} partitions, created now. */
    SeatsSettings.TopicSettings seatTopics(String prefix, int partitions) {
        SeatsSettings.TopicSettings topics = new SeatsSettings.TopicSettings(prefix + Topics.MEMBERSHIP_EVENTS,
                prefix + Topics.REJECTED, prefix + Topics.ORG_COUNTS, prefix + Topics.ORG_DAILY, prefix + Topics.ORG_PLANS,
                false, partitions, partitions, (short) 1, SeatsSettings.TopicSettings.defaults().dailyRetention(),
                SeatsSettings.TopicSettings.defaults().minCompactionLag());
        TopicSetup.create(admin, topics);
        awaitLeaders(List.of(topics.membershipEvents(), topics.rejected(), topics.orgCounts(), topics.orgDaily(),
                topics.orgPlans()), partitions);
        return topics;
    }

    void createTopic(String name, int partitions) {
        LagWatch.get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all());
        awaitLeaders(List.of(name), partitions);
    }

    /**
     * Waits until every partition of new topics has a leader and answers a list-offsets request from it.
     * Creating a topic returns before the broker leads its partitions; a producer that sends at once gets
     * NOT_LEADER_OR_FOLLOWER, and under load its first batches expired (120 s) instead of being retried. The
     * leaders are awaited through describe-topics first: a list-offsets request for a topic not yet in the
     * metadata fails too, but the admin client logs that at ERROR, which read as a failed run.
     */
    private void awaitLeaders(List<String> topics, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        topics.forEach(t -> IntStream.range(0, partitions).forEach(p -> request.put(new TopicPartition(t, p),
                OffsetSpec.latest())));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (led(topics, partitions)) {
                    LagWatch.get(admin.listOffsets(request).all());
                    return;
                }
            } catch (ReconcilerException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ReconcilerException("the partitions of " + topics + " have no leader after 60 s");
            }
            LagWatch.sleep(Duration.ofMillis(200));
        }
    }

    private boolean led(List<String> topics, int partitions) {
        return LagWatch.get(admin.describeTopics(topics).allTopicNames()).values().stream().allMatch(topic ->
                topic.partitions().size() == partitions && topic.partitions().stream().allMatch(p ->
                        p.leader() != null && !p.leader().isEmpty()));
    }

    /** Settings for the streams app reading {@code topics} as consumer group {@code applicationId}. */
    LocalSettings streamsSettings(SeatsSettings.TopicSettings topics, String applicationId, String registryUrl) {
        return new LocalSettings(bootstrapServers(), registryUrl, ZoneOffset.UTC, SeatBasis.END_OF_DAY,
                scratch(applicationId).resolve("out"), scratch(applicationId), topics, applicationId, 1 /* the bench bills through Pipeline or the jar, not with these */);
    }

    /** The streams app's settings as an operator passes them to its jar: {@code --key=value}. */
    static List<String> arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    static Map<String, Object> with(Map<String, Object> properties, Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.putAll(more);
        return all;
    }

    @Override
    public void close() {
        if (httpRegistry != null) {
            httpRegistry.close();
        }
        admin.close();
        InMemorySchemaRegistry.drop(registryScope);
    }
}
