package org.seatreconciler.local.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.seatreconciler.local.ReconcilerException;

/**
 * Creates the run's topics before anything is published, so they have the settings of DESIGN.md
 * sections 3-6 (the state topics compacted) rather than whatever auto-creation would give. One
 * partition each: a local run has one streams instance, and order per organisation is kept either way.
 */
public final class TopicSetup {

    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private TopicSetup() {
    }

    public static void create(Admin admin, TopicNames topics) {
        List<NewTopic> all = List.of(
                new NewTopic(topics.membershipEvents(), 1, (short) 1),
                new NewTopic(topics.rejected(), 1, (short) 1),
                new NewTopic(topics.orgCounts(), 1, (short) 1).configs(COMPACTED),
                new NewTopic(topics.orgDaily(), 1, (short) 1).configs(COMPACTED),
                new NewTopic(topics.orgPlans(), 1, (short) 1).configs(COMPACTED));
        try {
            admin.createTopics(all).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconcilerException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new ReconcilerException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
