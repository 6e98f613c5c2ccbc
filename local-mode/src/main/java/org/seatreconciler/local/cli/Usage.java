package org.seatreconciler.local.cli;

/** The help texts. */
public final class Usage {

    public static final String MAIN = """
            Usage: reconciler <command> [options]

            Runs the seat reconciler on this machine: a local Kafka broker (KRaft), an in-memory schema
            registry, the streams topology and the nightly billing job. Nothing external is needed.

            Commands:
              run    import membership events (and plans) from files and bill a range of dates
                     (--preview: write what they would get under <out>/preview/, bill nothing)
              explain  why an organisation is billed what it is on a date, from files of events
              demo   bill sample organisations for today
              publish  send membership events (and plans) from files to a real Kafka cluster
              bench  time the pipeline on generated events, beside the broker's own ceilings
              help   show this text (also --help; 'reconciler <command> --help' for a command)

            Exit status: 0 done, 1 the run failed, 2 bad arguments or input files (nothing written).
            """;

    public static final String RUN = """
            Usage: reconciler run --events FILE.jsonl [--plans FILE.csv] --from YYYY-MM-DD [--to YYYY-MM-DD]
                                  [--seat-basis END_OF_DAY|DAILY_PEAK] [--zone ZONE] [--max-dates N] --out DIR
                                  [--preview]

              --events FILE     membership events, one JSON object per line (blank lines skipped)
              --plans FILE      CSV with header org_id,plan; organisations not listed get the default plan
              --from DATE       first billing date
              --to DATE         last billing date (default: --from)
              --seat-basis B    END_OF_DAY (default) bills the close counts, DAILY_PEAK the day's peaks
              --zone ZONE       billing zone, e.g. UTC (default) or Europe/Paris
              --max-dates N     refuse a range of more than N dates (default 400)
              --out DIR         output folder: <DIR>/<date>/invoices.csv, seat-counts.csv,
                                reconciliation.csv, review.csv, summary.json, manifest.sha256,
                                <DIR>/rejected-events.jsonl, <DIR>/run-summary.json
              --preview         bill nothing: the files each date would get go to <DIR>/preview/<date>/
            """;

    public static final String EXPLAIN = """
            Usage: reconciler explain --events FILE.jsonl [--plans FILE.csv] --org ORG --date YYYY-MM-DD
                                      [--from YYYY-MM-DD] [--seat-basis END_OF_DAY|DAILY_PEAK] [--zone ZONE] [--json]

            Runs the events through the local pipeline and prints why ORG would be billed what it is on
            the date: its figures, the rule with its numbers, the seats bought before in the month, the
            proration and the amount, and the events that changed its counts that day. Nothing is billed
            and no file is written.

              --org ORG         the organisation
              --date DATE       the billing date to explain
              --from DATE       where billing starts, as run --from (default: the 1st of --date's month,
                                so the seats bought before in the month count)
              --json            one JSON object instead of text
              --events, --plans, --seat-basis, --zone: as for run
            """;

    public static final String DEMO = """
            Usage: reconciler demo [--out DIR] [--seat-basis END_OF_DAY|DAILY_PEAK] [--zone ZONE]

            Bills sample organisations for today (in the zone), among them the help article's clinic
            with 10 standard and 16 support members, which needs 13 seats.

              --out DIR         output folder (default: ./demo-out)
              --seat-basis B    END_OF_DAY (default) or DAILY_PEAK
              --zone ZONE       billing zone (default UTC)
            """;

    public static final String PUBLISH = """
            Usage: reconciler publish --events FILE.jsonl [--plans FILE.csv] --bootstrap-servers HOST:PORT
                                      --registry URL [--client-config FILE]

            Sends the events to hr.membership-events of a real cluster (Avro in the Confluent wire format,
            key orgId, in file order, idempotent producer) and the plans to billing.org-plans, registering
            the schemas with the registry. Lines that are not valid events are refused and printed, one
            JSON object per line (as in rejected-events.jsonl), on stdout; the last line says what was sent.

              --events FILE            membership events, one JSON object per line (blank lines skipped)
              --plans FILE             CSV with header org_id,plan (checked against the plan catalogue first)
              --bootstrap-servers H:P  the cluster, e.g. localhost:9094
              --registry URL           a Confluent-compatible registry, e.g. http://localhost:8081/apis/ccompat/v7
              --client-config FILE     Kafka client properties, e.g. security.protocol=SASL_SSL; also
                                       schema.registry.ssl.truststore.* and basic.auth.* for the registry
            """;

    public static final String BENCH = """
            Usage: reconciler bench [--events N] [--orgs K] [--days D] [--partitions N[,N...]] [--threads T]
                                    [--latency-rate R] [--latency-seconds S] [--json FILE]
                                    [--streams-jar JAR] [--batch-jar JAR] [--members M] [--night-orgs O]
                                    [--night-ledger JDBC_URL] [--jvm-opts "OPTIONS"] [--streams-props k=v,...]
                                    [--skip pipeline,ceilings,latency]

            Generates N membership events (default 200000) for K organisations (default 2000) over D
            days (default 3), runs them through the local pipeline in a temporary folder, bills each
            day and prints how fast each phase went. Then, on a broker of its own and with the same
            records, it measures side by side, for each topic layout: P, a plain idempotent producer
            (acks=all) sending the serialised events; Q, a pass-through Kafka Streams app (exactly-once,
            the app's commit interval); and the topology replaying the history already on the topic,
            with the ratios topology/P and topology/Q. Then the latency from an event's send to its
            count on seats.org-counts at a fixed rate, with the app's commit interval and with 100 ms.
            Every block is printed with the machine's load average. Nothing is kept.

              --partitions N,...  topic layouts to measure: partitions of every topic (default 1,4)
              --threads T         stream threads (default: one per partition, at most 2)
              --latency-rate R    events per second of the latency runs (default 5000)
              --latency-seconds S how long each latency run sends (default 60; 0 skips them)
              --json FILE         also write every figure to FILE as JSON
              --streams-jar JAR   also time the streams app's runnable jar, in its own JVM, replaying
                                  the same history (from process start to no lag)
              --members M         memory run: the streams jar (-Xmx512m) brings M members into
                                  M/100 organisations; prints heap and RSS (needs --streams-jar)
              --batch-jar JAR     the nightly job's runnable jar, for --night-orgs
              --night-orgs O      memory run: the nightly job jar (-Xmx512m) bills O organisations
                                  for one date, then explains one and previews the date on that
                                  ledger; prints time, heap and RSS of each (needs --batch-jar)
              --night-ledger URL  that night's ledger and job repository, an empty database, e.g.
                                  jdbc:postgresql://localhost:5432/billing?user=bench (default: an H2
                                  file of the run's own)
              --jvm-opts "..."    extra JVM options for the jars (e.g. a JFR recording)
              --streams-props ... Kafka Streams settings for the topology in every run, over the app's
                                  own, e.g. statestore.cache.max.bytes=0,commit.interval.ms=5000
              --skip PARTS        leave out parts of the run: pipeline, ceilings, latency
            """;

    private Usage() {
    }
}
