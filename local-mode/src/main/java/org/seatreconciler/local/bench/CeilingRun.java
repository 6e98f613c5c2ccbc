package org.seatreconciler.local.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.pipeline.DefaultComponents;
import org.seatreconciler.local.pipeline.LocalSettings;
import org.seatreconciler.local.pipeline.Outcomes;
import org.seatreconciler.local.pipeline.StreamsRuntime;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * Measures one layout: publishes the history with the producer ceiling (P), then lets the pass-through
 * app (Q), the topology in this JVM and, if given, the production jar each replay it from the start as
 * a consumer group of its own, timed from its start until it has committed every record.
 */
final class CeilingRun {

    private final BenchBroker bench;
    private final History history;
    private final Command.Jars jars;
    private final AppTuning tuning;
    private final PrintStream console;

    CeilingRun(BenchBroker bench, History history, Command.Jars jars, AppTuning tuning, PrintStream console) {
        this.bench = bench;
        this.history = history;
        this.jars = jars;
        this.tuning = tuning;
        this.console = console;
    }

    Layout measure(int partitions, int threads) {
        String prefix = "p" + partitions + ".";
        SeatsSettings.TopicSettings topics = bench.seatTopics(prefix, partitions);
        String input = topics.membershipEvents();
        Duration timeout = Duration.ofSeconds(Math.max(300, history.size() / 500));
        LagWatch lag = new LagWatch(bench.admin());

        console.println(String.format(Locale.ROOT, "%d partition(s), %d thread(s): P, publishing %,d records ...",
                partitions, threads, history.size()));
        double producerRate = Rates.perSecond(history.size(), ProducerCeiling.publish(bench.bootstrapServers(), input,
                history));

        console.println("  Q, the pass-through app, replaying them ...");
        String copy = prefix + "passthrough";
        bench.createTopic(copy, partitions);
        String qGroup = prefix + "bench-passthrough";
        long start = System.nanoTime();
        long startCpu = CpuTime.thisJvm();
        ReplayTiming.Replay passThrough;
        try (PassThroughApp app = PassThroughApp.start(bench.bootstrapServers(), qGroup, input, copy, threads,
                tuning.commitInterval(), tuning.passThroughSettings(), bench.scratch(qGroup))) {
            passThrough = lag.await(qGroup, input, partitions, start, startCpu, CpuTime::thisJvm,
                    CpuTime.streamThreads(qGroup), timeout, app::alive);
        }

        console.println("  the topology, in this JVM, replaying them ...");
        String tGroup = prefix + "bench-topology";
        LocalSettings settings = bench.streamsSettings(topics, tGroup, bench.registryUrl());
        TopicWrites writes = TopicWrites.start(bench.admin(), Set.of(topics.orgCounts(), topics.orgDaily(),
                topics.rejected()), tGroup);
        start = System.nanoTime();
        startCpu = CpuTime.thisJvm();
        ReplayTiming.Replay topology;
        Outcomes outcomes;
        try (StreamsRuntime app = DefaultComponents.streamsWith(tuning.springProperties(threads)).start(settings)) {
            topology = lag.await(tGroup, input, partitions, start, startCpu, CpuTime::thisJvm,
                    CpuTime.streamThreads(tGroup), timeout, () -> true);
            outcomes = app.outcomes();
        }
        console.println(String.format(Locale.ROOT, "    %,d applied, %,d duplicates, rejected %s", outcomes.applied(),
                outcomes.duplicates(), outcomes.rejected()));
        SortedMap<String, Long> written = new TreeMap<>();
        writes.sinceStart().forEach((topic, count) -> written.put(topic.startsWith(prefix) ? topic.substring(prefix.length())
                : topic, count));

        Optional<ReplayTiming.Replay> jar = jars.streams().map(j -> replayWithJar(j, topics, prefix, partitions,
                threads, timeout, lag));
        return new Layout(partitions, threads, history.size(), history.meanValueBytes(), producerRate, passThrough,
                topology, written, jar);
    }

    private ReplayTiming.Replay replayWithJar(Path jar, SeatsSettings.TopicSettings topics, String prefix,
                                              int partitions, int threads, Duration timeout, LagWatch lag) {
        console.println("  the topology, as the production jar in its own JVM, replaying them ...");
        String group = prefix + "bench-jar";
        LocalSettings settings = bench.streamsSettings(topics, group, bench.httpRegistryUrl());
        Map<String, Object> properties = BenchBroker.with(settings.springProperties(), tuning.springProperties(threads));
        properties.put("seats.topics.create", "false");
        Path dir = bench.scratch(group);
        long start = System.nanoTime();
        long startCpu = CpuTime.thisJvm();
        try (ChildJvm app = ChildJvm.start(jars.jvmOptions(), jar, BenchBroker.arguments(properties), dir,
                bench.scratch(group + ".log"))) {
            return app.explainingFailure(() -> lag.await(group, topics.membershipEvents(), partitions, start, startCpu,
                    CpuTime.withChild(app.pid()), () -> -1, timeout, app::alive));
        }
    }

}
