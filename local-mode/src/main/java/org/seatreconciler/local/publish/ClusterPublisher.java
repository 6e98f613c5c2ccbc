package org.seatreconciler.local.publish;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.producer.Producer;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.importing.EventImporter;
import org.seatreconciler.local.importing.ImportResult;
import org.seatreconciler.local.importing.PlanPublisher;
import org.seatreconciler.local.importing.Producers;
import org.seatreconciler.local.output.RejectedEventsFile;
import org.seatreconciler.local.plans.PlanAssignment;
import org.seatreconciler.local.plans.PlansFile;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * {@code reconciler publish}: the operator's and HR integrator's way to load a JSONL file into a real
 * cluster, through the same importer as {@code run} (Avro, Confluent wire format, key orgId, file order,
 * idempotent producer). Refused lines are printed on {@code out} as the objects of rejected-events.jsonl,
 * then one line says what was sent; progress goes to {@code console}.
 */
public final class ClusterPublisher {

    private final List<String> planCodes;
    private final PrintStream out;
    private final PrintStream console;

    /** @param planCodes the plan catalogue, which the plans file is checked against before anything is sent */
    public ClusterPublisher(List<String> planCodes, PrintStream out, PrintStream console) {
        this.planCodes = List.copyOf(planCodes);
        this.out = out;
        this.console = console;
    }

    public ImportResult publish(Command.Publish command) {
        List<PlanAssignment> plans = command.plans().map(p -> PlansFile.read(p, planCodes)).orElse(List.of());
        SeatsSettings.TopicSettings topics = SeatsSettings.TopicSettings.defaults();
        SchemaRegistryClient registry = SchemaRegistries.forUrl(command.registryUrl(), command.clientConfig());
        if (!plans.isEmpty()) {
            try (Producer<String, OrgPlan> producer = Producers.avro(command.bootstrapServers(), registry,
                    "reconciler-publish-plans", command.clientConfig())) {
                PlanPublisher.publish(producer, topics.orgPlans(), plans);
            }
            console.println("Sent " + plans.size() + " plan assignment(s) to " + topics.orgPlans());
        }
        console.println("Publishing events from " + command.events() + " to " + topics.membershipEvents() + " on "
                + command.bootstrapServers() + " ...");
        ImportResult result;
        try (Producer<String, MembershipEvent> producer = Producers.avro(command.bootstrapServers(), registry,
                "reconciler-publish", command.clientConfig())) {
            result = new EventImporter(producer, topics.membershipEvents(), (line, reason, detail, original) ->
                    out.println(RejectedEventsFile.inputLineJson(line, reason, detail, original)), console)
                    .importFile(command.events());
        }
        out.println(String.format(Locale.ROOT, "Sent %d event(s) to %s and %d plan assignment(s) to %s; refused %d line(s)%s",
                result.published(), topics.membershipEvents(), plans.size(), topics.orgPlans(),
                result.eventsRead() - result.published(), result.rejected().isEmpty() ? "" : " " + result.rejected()));
        return result;
    }
}
