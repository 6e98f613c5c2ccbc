package org.seatreconciler.local.bench;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What an app wrote, topic by topic: the growth of the end offsets of its outputs and of its internal
 * topics (state store changelogs, created when it starts) over a run, transaction markers included
 * (one per partition per commit). Records written per input event is the first figure of where the
 * time goes: the app produces and the broker appends each of them.
 */
final class TopicWrites {

    private final Admin admin;
    private final Set<String> outputs;
    private final String group;
    private final Map<String, Long> before;

    private TopicWrites(Admin admin, Set<String> outputs, String group) {
        this.admin = admin;
        this.outputs = outputs;
        this.group = group;
        this.before = endOffsets();
    }

    /** Starts counting on the given output topics and on the topics named {@code <group>-...}. */
    static TopicWrites start(Admin admin, Set<String> outputs, String group) {
        return new TopicWrites(admin, Set.copyOf(outputs), group);
    }

    /** Records written per topic since the start; internal topics named without the {@code <group>-} prefix. */
    SortedMap<String, Long> sinceStart() {
        SortedMap<String, Long> written = new TreeMap<>();
        endOffsets().forEach((topic, end) -> written.put(topic.startsWith(group + "-")
                ? topic.substring(group.length() + 1) : topic, end - before.getOrDefault(topic, 0L)));
        return written;
    }

    private Map<String, Long> endOffsets() {
        Set<String> topics = new TreeSet<>(outputs);
        topics.addAll(LagWatch.get(admin.listTopics().names()).stream().filter(t -> t.startsWith(group + "-")).toList());
        Map<TopicPartition, OffsetSpec> request = LagWatch.get(admin.describeTopics(topics).allTopicNames()).values()
                .stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = LagWatch.get(admin.listOffsets(request).all());
        return ends.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), TreeMap::new,
                Collectors.summingLong(e -> e.getValue().offset())));
    }
}
