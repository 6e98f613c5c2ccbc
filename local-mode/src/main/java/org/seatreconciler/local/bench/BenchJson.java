package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every figure of a bench run as JSON ({@code --json FILE}): rates in records or events per second,
 * times in seconds, latencies in milliseconds, memory in MB, ratios as fractions; a figure that was
 * not measured is null, a section that did not run is null.
 */
final class BenchJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchJson() {
    }

    static String of(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        BenchReport.Workload w = report.workload();
        root.putObject("workload").put("events", w.events()).put("orgs", w.orgs()).put("days", w.days())
                .put("cores", w.cores()).put("java", w.java()).put("commitIntervalMs", w.commitInterval().toMillis())
                .set("streamsProperties", JSON.valueToTree(w.streamsProperties()));
        report.pipeline().ifPresentOrElse(m -> {
            BenchReport.PipelineFigures p = m.figures();
            ObjectNode node = measured(root.putObject("pipeline"), m);
            node.put("eventsRead", p.eventsRead()).put("publishSeconds", secs(p.publishing()))
                    .put("importRate", Rates.perSecond(p.eventsRead(), p.publishing()))
                    .put("topologySeconds", secs(p.processing()))
                    .put("topologyRate", Rates.perSecond(p.eventsRead(), p.processing()))
                    .put("nightlySeconds", secs(p.billing()))
                    .put("nightlyOrgsPerSecond", Rates.perSecond(p.orgDates(), p.billing()))
                    .put("applied", p.applied()).put("duplicates", p.duplicates());
            ObjectNode rejected = node.putObject("rejected");
            p.rejected().forEach(rejected::put);
        }, () -> root.putNull("pipeline"));
        ArrayNode layouts = root.putArray("layouts");
        report.layouts().forEach(m -> {
            Layout l = m.figures();
            ObjectNode node = measured(layouts.addObject(), m);
            node.put("partitions", l.partitions()).put("threads", l.threads()).put("records", l.records())
                    .put("valueBytes", l.valueBytes()).put("producerRate", l.producerRate());
            replay(node, "passThrough", Optional.of(l.passThrough()));
            replay(node, "topology", Optional.of(l.topology()));
            node.put("topologyWritesPerEvent", l.writesPerEvent());
            ObjectNode writes = node.putObject("topologyWrites");
            l.topologyWrites().forEach(writes::put);
            replay(node, "productionJar", l.jar());
            number(node, "topologyOverProducer", l.topologyOverProducer());
            number(node, "topologyOverPassThrough", l.topologyOverPassThrough());
            node.put("ratiosOfSteadyRates", l.steadyRatios());
            number(node, "productionJarOverProducer", l.jarOverProducer());
        });
        ArrayNode latency = root.putArray("latency");
        report.latency().forEach(m -> {
            LatencyRun.LatencyResult r = m.figures();
            LatencyRecorder.Summary s = r.latency();
            measured(latency.addObject(), m).put("commitIntervalMs", r.commitInterval().toMillis())
                    .put("targetRate", r.targetRate()).put("seconds", r.duration().toSeconds())
                    .put("achievedRate", r.achievedRate()).put("events", s.events()).put("unseen", s.unseen())
                    .put("p50Ms", s.p50().toMillis()).put("p99Ms", s.p99().toMillis()).put("maxMs", s.max().toMillis());
        });
        ObjectNode memory = root.putObject("memory");
        report.streamsMemory().ifPresentOrElse(m -> {
            ScaleRuns.StreamsMemory s = m.figures();
            ObjectNode node = measured(memory.putObject("streams"), m).put("members", s.members()).put("orgs", s.orgs())
                    .put("maxHeapMb", 512).put("rssMb", s.proc().rssMb()).put("peakRssMb", s.proc().peakRssMb());
            gc(node, s.gc());
            replay(node, "replay", Optional.of(s.replay()));
        }, () -> memory.putNull("streams"));
        report.night().ifPresentOrElse(m -> {
            ScaleRuns.NightMemory n = m.figures();
            ObjectNode node = measured(memory.putObject("night"), m).put("orgs", n.orgs()).put("maxHeapMb", 512);
            jobRun(node, n.night());
            node.put("invoiceLines", n.invoiceLines());
            n.steps().forEach(node.putArray("steps")::add);
            jobRun(node.putObject("explain").put("orgId", n.explainedOrg()), n.explain());
            jobRun(node.putObject("preview"), n.preview());
        }, () -> memory.putNull("night"));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jobRun(ObjectNode node, ScaleRuns.JobRun run) {
        node.put("seconds", secs(run.wall())).put("exitStatus", run.exitStatus()).put("peakRssMb", run.peakRssMb());
        run.firstError().ifPresentOrElse(e -> node.put("firstError", e), () -> node.putNull("firstError"));
        gc(node, run.gc());
    }

    private static ObjectNode measured(ObjectNode node, BenchReport.Measured<?> m) {
        ObjectNode load = node.putObject("loadAverage1m");
        m.loadBefore().ifPresentOrElse(l -> load.put("before", l.one()), () -> load.putNull("before"));
        m.loadAfter().ifPresentOrElse(l -> load.put("after", l.one()), () -> load.putNull("after"));
        return node;
    }

    private static void replay(ObjectNode parent, String name, Optional<ReplayTiming.Replay> replay) {
        replay.ifPresentOrElse(r -> {
            ObjectNode node = parent.putObject(name).put("records", r.records()).put("seconds", secs(r.total()))
                    .put("secondsToFirstCommit", secs(r.untilFirstCommit())).put("rate", r.rate());
            number(node, "steadyRate", r.steadyRate());
            node.put("cpuMicrosPerRecord", r.cpuMicros());
            number(node, "steadyCpuMicrosPerRecord", r.steadyCpuMicros());
            number(node, "streamThreadsOnCore", r.streamThreadsOnCore());
        }, () -> parent.putNull(name));
    }

    private static void gc(ObjectNode node, GcLog gc) {
        node.put("heapAfterLastGcMb", gc.lastAfterMb()).put("peakHeapBeforeGcMb", gc.peakBeforeMb())
                .put("peakHeapAfterGcMb", gc.peakAfterMb()).put("collections", gc.collections());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
