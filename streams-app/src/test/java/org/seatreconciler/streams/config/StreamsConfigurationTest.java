package org.seatreconciler.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.streams.StreamsApplication;
import org.seatreconciler.streams.counting.EventOutcomes;
import org.seatreconciler.streams.counting.TopologySettings;
import org.seatreconciler.streams.monitoring.EventOutcomesMetrics;
import org.seatreconciler.streams.monitoring.KafkaStreamsHealthIndicator;
import org.seatreconciler.streams.query.OrgCountsController;
import org.seatreconciler.streams.query.OrgCountsQuery;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.unit.DataSize;

/** The Spring wiring, without a broker (streams not started, topics not created). */
class StreamsConfigurationTest {

    private static final Map<String, String> NO_BROKER = Map.of(
            "seats.schema-registry-url", "mock://config-test",
            "spring.kafka.streams.auto-startup", "false",
            "seats.topics.create", "false");

    @Test
    void readsItsOwnConfigurationFile() {
        try (ConfigurableApplicationContext ctx = start(Map.of())) {
            Properties streams = ctx.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();

            assertThat(streams.getProperty("application.id")).isEqualTo("seat-reconciler-streams");
            assertThat(streams.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
            assertThat(String.valueOf(streams.get("commit.interval.ms"))).isEqualTo("1000");
            assertThat(String.valueOf(streams.get("replication.factor"))).isEqualTo("1");
            assertThat(streams.getProperty("state.dir")).endsWith("seat-reconciler-streams");
            assertThat(topologySettings(ctx)).isEqualTo(TopologySettings.defaults());
            assertThat(ctx.getBean(EventOutcomes.class).applied()).isZero();
            assertThat(ctx.getBean(StreamsProperties.class)).isEqualTo(new StreamsProperties(Duration.ofDays(30),
                    Duration.ofHours(24), Duration.ofMinutes(1), true, 20, Duration.ofMinutes(10),
                    DataSize.ofMegabytes(256)));
            assertThat(streams.getProperty("rocksdb.config.setter")).isEqualTo(RocksDbMemory.class.getName());
            assertThat(streams.getProperty("seats.streams.rocksdb-memory-bytes")).isEqualTo("268435456");
        }
    }

    @Test
    void everySettingIsOverridable() {
        try (ConfigurableApplicationContext ctx = start(Map.of(
                "seats.topics.membership-events", "in", "seats.topics.rejected", "rej", "seats.topics.org-counts",
                "counts", "seats.topics.org-daily", "daily", "seats.billing-zone", "Europe/Berlin",
                "seats.streams.dedup-retention", "7d", "seats.streams.future-tolerance", "2h",
                "spring.kafka.streams.application-id", "other-app",
                "spring.kafka.streams.state-dir", "/tmp/elsewhere", "spring.kafka.bootstrap-servers", "broker:1234"))) {
            Properties streams = ctx.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();

            assertThat(topologySettings(ctx)).isEqualTo(new TopologySettings(
                    "in", "rej", "counts", "daily", ZoneId.of("Europe/Berlin"), Duration.ofDays(7), Duration.ofHours(2)));
            assertThat(streams.getProperty("application.id")).isEqualTo("other-app");
            assertThat(streams.getProperty("state.dir")).isEqualTo("/tmp/elsewhere");
            assertThat(streams.get("bootstrap.servers").toString()).contains("broker:1234");
            assertThat(streams.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        }
    }

    @Test
    void theRocksDbBudgetIsSettable() {
        try (ConfigurableApplicationContext ctx = start(Map.of("seats.streams.rocksdb-memory", "1GB"))) {
            Properties streams = ctx.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();

            assertThat(streams.getProperty("seats.streams.rocksdb-memory-bytes")).isEqualTo("1073741824");
        }
    }

    @Test
    void aRocksDbBudgetBelow16MbStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> start(Map.of("seats.streams.rocksdb-memory", "8MB")))
                .rootCause().hasMessage("seats.streams.rocksdb-memory must be at least 16MB, not 8388608B");
    }

    @Test
    void servesNoHttpUnlessTheWebApplicationTypeIsServlet() {
        try (ConfigurableApplicationContext ctx = start(Map.of())) {
            assertThat(ctx).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(ctx.getBeansOfType(OrgCountsController.class)).isEmpty();
            assertThat(ctx.getBeansOfType(OrgCountsQuery.class)).isEmpty();
            assertThat(ctx.getBeansOfType(EventOutcomesMetrics.class)).isEmpty();
            // passive, but present: the liveness health group of streams-app.yml names it
            assertThat(ctx.getBeansOfType(KafkaStreamsHealthIndicator.class)).containsOnlyKeys(
                    "kafkaStreamsHealthIndicator");
            Properties streams = ctx.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
            assertThat(streams.getProperty("application.server")).isEmpty();
        }
    }

    @Test
    void servesHttpWhenSwitchedOnAndAdvertisesItsAddressToTheOtherInstances() {
        try (ConfigurableApplicationContext ctx = start(Map.of("spring.main.web-application-type", "servlet",
                "server.port", "0", "server.tomcat.basedir", "target/tomcat",
                "seats.http.advertised-host-port", "streams-1.example:8080"))) {
            assertThat(ctx).isInstanceOf(WebServerApplicationContext.class);
            assertThat(((WebServerApplicationContext) ctx).getWebServer().getPort()).isPositive();
            assertThat(ctx.getBeansOfType(OrgCountsController.class)).hasSize(1);
            assertThat(ctx.getBeansOfType(KafkaStreamsHealthIndicator.class)).containsOnlyKeys(
                    "kafkaStreamsHealthIndicator");
            assertThat(ctx.getBeansOfType(EventOutcomesMetrics.class)).hasSize(1);
            Properties streams = ctx.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
            assertThat(streams.getProperty("application.server")).isEqualTo("streams-1.example:8080");
            assertThat(QueryConfiguration.advertisedHost(streams)).isEqualTo(new HostInfo("streams-1.example", 8080));
        }
    }

    private static TopologySettings topologySettings(ConfigurableApplicationContext ctx) {
        return ctx.getBean(StreamsProperties.class).topologySettings(ctx.getBean(SeatsSettings.class));
    }

    /** Through the entry point the local mode uses, so its settings beat streams-app.yml. */
    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(NO_BROKER);
        all.putAll(properties);
        return StreamsApplication.application().run(all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
