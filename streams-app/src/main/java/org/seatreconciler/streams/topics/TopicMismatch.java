package org.seatreconciler.streams.topics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A topic whose configs differ from those DESIGN.md section 5 gives it ({@code TopicLayout}).
 *
 * @param differences the configs that differ, by name
 */
public record TopicMismatch(String topic, List<Difference> differences) {

    public TopicMismatch {
        differences = List.copyOf(differences);
    }

    /** One config: what the topic has (the broker's default if not set on the topic) and what the layout says. */
    public record Difference(String name, String actual, String expected) {
    }

    /** {@code cleanup.policy compact -> compact,delete, retention.ms 604800000 -> 5356800000}. */
    public String changes() {
        return differences.stream().map(d -> d.name() + " " + d.actual() + " -> " + d.expected())
                .collect(Collectors.joining(", "));
    }
}
