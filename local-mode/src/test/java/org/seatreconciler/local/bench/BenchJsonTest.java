package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFigureOfAFullRun() throws Exception {
        JsonNode root = JSON.readTree(BenchJson.of(BenchReportFixture.full()));

        assertThat(names(root)).containsExactly("workload", "pipeline", "layouts", "latency", "memory");
        assertThat(root.path("workload").toString()).isEqualTo(
                "{\"events\":200000,\"orgs\":2000,\"days\":3,\"cores\":2,\"java\":\"17.0.15\",\"commitIntervalMs\":1000,"
                        + "\"streamsProperties\":{}}");
        JsonNode pipeline = root.path("pipeline");
        assertThat(pipeline.path("loadAverage1m").toString()).isEqualTo("{\"before\":1.5,\"after\":2.0}");
        assertThat(pipeline.path("importRate").asDouble()).isEqualTo(50_000.0);
        assertThat(pipeline.path("topologyRate").asDouble()).isEqualTo(20_000.0);
        assertThat(pipeline.path("nightlyOrgsPerSecond").asDouble()).isEqualTo(2_000.0);
        assertThat(pipeline.path("rejected").toString()).isEqualTo("{\"MALFORMED\":400,\"SELF_ROLE_CHANGE\":2000}");

        JsonNode layout = root.path("layouts").get(0);
        assertThat(names(layout)).containsExactly("loadAverage1m", "partitions", "threads", "records", "valueBytes",
                "producerRate", "passThrough", "topology", "topologyWritesPerEvent", "topologyWrites", "productionJar", "topologyOverProducer",
                "topologyOverPassThrough", "ratiosOfSteadyRates", "productionJarOverProducer");
        assertThat(layout.path("topology").toString()).isEqualTo("{\"records\":199600,\"seconds\":12.0,"
                + "\"secondsToFirstCommit\":2.0,\"rate\":16633.0,\"steadyRate\":20000.0,\"cpuMicrosPerRecord\":120.0,"
                + "\"steadyCpuMicrosPerRecord\":95.5,\"streamThreadsOnCore\":0.9}");
        assertThat(layout.path("productionJar").path("streamThreadsOnCore").isNull()).isTrue();
        assertThat(layout.path("topologyWritesPerEvent").asDouble()).isEqualTo(4.0);
        assertThat(layout.path("topologyWrites").toString()).isEqualTo("{\"member-state-store-changelog\":199600,"
                + "\"seats.org-counts\":199600,\"seats.org-daily\":399200}");
        assertThat(layout.path("topologyOverProducer").asDouble()).isEqualTo(0.2);
        assertThat(layout.path("topologyOverPassThrough").asDouble()).isEqualTo(0.4);
        assertThat(layout.path("ratiosOfSteadyRates").asBoolean()).isTrue();
        assertThat(layout.path("productionJarOverProducer").asDouble()).isEqualTo(0.07984);

        assertThat(root.path("latency").get(0).toString()).isEqualTo("{\"loadAverage1m\":{\"before\":1.5,\"after\":2.0},"
                + "\"commitIntervalMs\":100,\"targetRate\":5000,\"seconds\":60,\"achievedRate\":4999.5,\"events\":300000,"
                + "\"unseen\":0,\"p50Ms\":80,\"p99Ms\":240,\"maxMs\":410}");

        JsonNode streams = root.path("memory").path("streams");
        assertThat(streams.path("members").asLong()).isEqualTo(10_000_000);
        assertThat(streams.path("heapAfterLastGcMb").asLong()).isEqualTo(210);
        assertThat(streams.path("peakHeapBeforeGcMb").asLong()).isEqualTo(480);
        assertThat(streams.path("rssMb").asLong()).isEqualTo(1_400);
        assertThat(streams.path("peakRssMb").asLong()).isEqualTo(1_650);
        JsonNode night = root.path("memory").path("night");
        assertThat(night.path("seconds").asDouble()).isEqualTo(95.0);
        assertThat(night.path("invoiceLines").asLong()).isEqualTo(1_000_000);
        assertThat(night.path("exitStatus").asInt()).isEqualTo(1);
        assertThat(night.path("firstError").asText()).endsWith("java.lang.OutOfMemoryError: Java heap space");
        assertThat(night.path("steps").toString()).isEqualTo("[\"Step: [bill] executed in 1m20s\"]");
        assertThat(night.path("explain").path("orgId").asText()).isEqualTo("night-0500000");
        assertThat(night.path("explain").path("seconds").asDouble()).isEqualTo(4.25);
        assertThat(night.path("explain").path("exitStatus").asInt()).isZero();
        assertThat(night.path("explain").path("firstError").isNull()).isTrue();
        assertThat(night.path("explain").path("peakHeapBeforeGcMb").asLong()).isEqualTo(61);
        assertThat(night.path("preview").path("exitStatus").asInt()).isEqualTo(1);
        assertThat(night.path("preview").path("firstError").asText()).endsWith("OutOfMemoryError: Java heap space");
    }

    @Test
    void whatDidNotRunIsNull() throws Exception {
        JsonNode root = JSON.readTree(BenchJson.of(BenchReportFixture.withoutOptionalRuns()));

        JsonNode layout = root.path("layouts").get(0);
        assertThat(layout.path("partitions").asInt()).isEqualTo(4);
        assertThat(layout.path("threads").asInt()).isEqualTo(2);
        assertThat(layout.path("productionJar").isNull()).isTrue();
        assertThat(layout.path("productionJarOverProducer").isNull()).isTrue();
        // the pass-through replay ended within a second of its first commit: the ratios use rates from start
        assertThat(layout.path("passThrough").path("steadyRate").isNull()).isTrue();
        assertThat(layout.path("passThrough").path("steadyCpuMicrosPerRecord").isNull()).isTrue();
        assertThat(layout.path("ratiosOfSteadyRates").asBoolean()).isFalse();
        assertThat(layout.path("topologyOverProducer").asDouble()).isEqualTo(0.16633);
        assertThat(layout.path("topologyOverPassThrough").asDouble()).isEqualTo(16_633 / 99_800.0);
        assertThat(root.path("latency").isArray()).isTrue();
        assertThat(root.path("latency")).isEmpty();
        assertThat(root.path("memory").toString()).isEqualTo("{\"streams\":null,\"night\":null}");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
