package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;

/** The topology's shape: named nodes and stores, and one sub-topology (no repartition). */
class MembershipTopologyTest {

    @Test
    void everyNodeAndStoreIsNamedAndNothingIsRepartitioned() {
        TopologyDescription description = MembershipTopology.build(TopologySettings.defaults(),
                InMemorySchemaRegistry.scope("describe"), new EventOutcomes()).describe();

        assertThat(description.subtopologies()).hasSize(1);
        TopologyDescription.Subtopology sub = description.subtopologies().iterator().next();
        assertThat(sub.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet()))
                .isEqualTo(Set.of("membership-events-source", "membership-event-processor", "org-counts-sink",
                        "org-daily-sink", "rejected-sink"));
        TopologyDescription.Processor processor = sub.nodes().stream()
                .filter(TopologyDescription.Processor.class::isInstance).map(TopologyDescription.Processor.class::cast)
                .findFirst().orElseThrow();
        assertThat(processor.stores()).containsExactlyInAnyOrder("member-state-store", "org-latest-day-store");
        assertThat(description.globalStores()).isEmpty();
    }
}
