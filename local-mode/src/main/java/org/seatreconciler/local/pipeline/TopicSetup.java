package org.seatreconciler.local.pipeline;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.schemas.settings.TopicLayout;

/**
 * Creates the run's topics before anything is published, with the settings of DESIGN.md section 5
 * ({@link TopicLayout}, as the streams app and the operators create them) rather than whatever
 * auto-creation would give, and the partitions the run asks for.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    public static void create(Admin admin, SeatsSettings.TopicSettings topics) {
        try {
            admin.createTopics(TopicLayout.of(topics)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconcilerException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new ReconcilerException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
