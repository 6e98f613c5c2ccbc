package org.seatreconciler.local.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Producer;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.batch.catchup.StreamsCatchUp;
import org.seatreconciler.local.broker.LocalKafkaBroker;
import org.seatreconciler.local.broker.TempDirectory;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.importing.EventImporter;
import org.seatreconciler.local.importing.ImportResult;
import org.seatreconciler.local.importing.PlanPublisher;
import org.seatreconciler.local.importing.Producers;
import org.seatreconciler.local.output.DateResult;
import org.seatreconciler.local.output.RejectedEventsFile;
import org.seatreconciler.local.output.RunSummary;
import org.seatreconciler.local.output.RunSummaryFile;
import org.seatreconciler.local.plans.PlanAssignment;
import org.seatreconciler.local.plans.PlansFile;
import org.seatreconciler.schemas.registry.InMemorySchemaRegistry;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local run, in order: validate the plans file -> start a broker -> create the topics -> start the
 * streams app -> publish plans, then events -> wait until the streams app has processed everything ->
 * bill each date -> copy the topology's rejections -> write the summary. Progress goes to the console
 * (stderr); the output folder is only created once the input is known to be valid.
 */
public final class Pipeline {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration LAG_POLL_INTERVAL = Duration.ofMillis(200);

    private final Components components;
    private final PrintStream console;

    public Pipeline(Components components, PrintStream console) {
        this.components = components;
        this.console = console;
    }

    /** What a run does with the nightly job once the streams app has processed every event. */
    @FunctionalInterface
    public interface JobWork {
        Done on(NightlyJob job);
    }

    /** The dates the job billed or previewed, and what it explained (or null). */
    public record Done(List<DateResult> dates, String explanation) {
    }

    /** Bills {@code run}'s dates, or with {@code --preview} writes what they would get. */
    public RunReport run(Command.Run run) {
        return run(run, job -> new Done(run.preview() ? preview(job, run.from(), run.to())
                : bill(job, run.from(), run.to()), null));
    }

    /** Runs the events and plans of {@code run} through the pipeline, then {@code work} with the nightly job. */
    public RunReport run(Command.Run run, JobWork jobWork) {
        // Validate before anything starts: a bad plans file must not leave a half-published run.
        List<PlanAssignment> plans = run.plans().map(p -> PlansFile.read(p, components.planCodes())).orElse(List.of());
        String registryScope = "local-" + UUID.randomUUID();
        String registryUrl = "mock://" + registryScope;
        long started = System.nanoTime();
        console.println("Starting a local Kafka broker (KRaft) ...");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start();
             TempDirectory work = TempDirectory.create("reconciler-work-")) {
            console.println("  ready on " + broker.bootstrapServers() + " (" + seconds(started) + ")");
            work.handOverShutdown();
            broker.closeFirst(work);
            LocalSettings settings = new LocalSettings(broker.bootstrapServers(), registryUrl, run.zone(),
                    run.seatBasis(), run.out(), work.path(), SeatsSettings.TopicSettings.defaults().withLayout(1, 1, (short) 1),
                    LocalSettings.STREAMS_APPLICATION_ID, Math.toIntExact(ChronoUnit.DAYS.between(run.from(), run.to()) + 1));
            return runOn(broker, settings, run, plans, jobWork);
        } finally {
            InMemorySchemaRegistry.drop(registryScope);
        }
    }

    private RunReport runOn(LocalKafkaBroker broker, LocalSettings settings, Command.Run run, List<PlanAssignment> plans,
            JobWork work) {
        SeatsSettings.TopicSettings topics = settings.topics();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            TopicSetup.create(admin, topics);
            console.println("Starting the streams topology ...");
            try (StreamsRuntime streams = components.streams().start(settings);
                 RejectedEventsFile rejected = RejectedEventsFile.open(run.out())) {
                broker.closeFirst(streams);
                long publishStart = System.nanoTime();
                publishPlans(settings, plans);
                ImportResult imported = importEvents(settings, run, rejected);
                Duration publishing = since(publishStart);

                console.println("Waiting for the topology to process " + imported.published() + " events ...");
                long waitStart = System.nanoTime();
                new StreamsCatchUp(admin).await(settings.streamsApplicationId(), topics.membershipEvents(),
                        components.lagTimeout(), LAG_POLL_INTERVAL);
                Duration processing = since(publishStart);
                console.println("  done (" + seconds(waitStart) + ")");

                long billingStart = System.nanoTime();
                Done done;
                try (NightlyJob job = components.nightlyJob().start(settings)) {
                    broker.closeFirst(job);
                    done = work.on(job);
                }
                Duration billing = since(billingStart);

                long topologyRejections = RejectedTopicReader.copy(settings.bootstrapServers(),
                        settings.schemaRegistryUrl(), topics.rejected(), rejected);
                Outcomes outcomes = streams.outcomes();
                long counted = outcomes.rejected().values().stream().mapToLong(Long::longValue).sum();
                if (counted != topologyRejections) {
                    log.warn("The topology counted {} rejections but {} holds {}", counted, topics.rejected(), topologyRejections);
                }
                RunSummary summary = new RunSummary(imported.eventsRead(), outcomes.applied(), outcomes.duplicates(),
                        RunSummary.merge(imported.rejected(), outcomes.rejected()), done.dates(), run.preview());
                rejected.commit();
                var summaryFile = RunSummaryFile.write(run.out(), summary);
                return new RunReport(summary, run.out(), rejected.path(), summaryFile,
                        new RunReport.Timings(publishing, processing, billing), done.explanation());
            }
        }
    }

    private void publishPlans(LocalSettings settings, List<PlanAssignment> plans) {
        if (plans.isEmpty()) {
            return;
        }
        try (Producer<String, OrgPlan> producer = Producers.avro(settings.bootstrapServers(), settings.schemaRegistryUrl(), "reconciler-plans")) {
            PlanPublisher.publish(producer, settings.topics().orgPlans(), plans);
        }
        console.println("Published " + plans.size() + " plan assignment(s) to " + settings.topics().orgPlans());
    }

    private ImportResult importEvents(LocalSettings settings, Command.Run run, RejectedEventsFile rejected) {
        console.println("Publishing events from " + run.events() + " to " + settings.topics().membershipEvents() + " ...");
        try (Producer<String, MembershipEvent> producer = Producers.avro(settings.bootstrapServers(), settings.schemaRegistryUrl(), "reconciler-import")) {
            return new EventImporter(producer, settings.topics().membershipEvents(), rejected, console).importFile(run.events());
        }
    }

    /**
     * A fresh ledger starts at the date asked, so {@code from} first; then {@code to}, which bills the dates
     * between in order from one read of the topics (the job's catch-up), rather than one job run per date.
     */
    public List<DateResult> bill(NightlyJob job, LocalDate from, LocalDate to) {
        List<DateResult> results = new ArrayList<>(report("Billed", job.bill(from)));
        if (to.isAfter(from)) {
            results.addAll(report("Billed", job.bill(to)));
        }
        return results;
    }

    /** Bills nothing: the files from .. to would get, under {@code <out>/preview/}. */
    private List<DateResult> preview(NightlyJob job, LocalDate from, LocalDate to) {
        return report("Previewed (nothing billed)", job.preview(from, to));
    }

    private List<DateResult> report(String what, List<DateResult> dates) {
        for (DateResult result : dates) {
            console.println(String.format(Locale.ROOT, "%s %s: %d organisation(s), %d invoice line(s)%s%s", what,
                    result.date(), result.organisations(), result.invoiceLines(), totals(result),
                    result.reviewRows() == 0 ? "" : ", " + result.reviewRows() + " to review"));
            result.notBilled().forEach(org -> console.println("  not billed: " + org));
        }
        return dates;
    }

    private static String totals(DateResult result) {
        StringBuilder text = new StringBuilder();
        result.totals().forEach((currency, amount) -> text.append(", ").append(amount.toPlainString()).append(' ').append(currency));
        return text.toString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", since(startNanos).toMillis() / 1000.0);
    }
}
