package org.seatreconciler.local.cli;

/** The help texts. */
public final class Usage {

    public static final String MAIN = """
            Usage: reconciler <command> [options]

            Runs the seat reconciler on this machine: a local Kafka broker (KRaft), an in-memory schema
            registry, the streams topology and the nightly billing job. Nothing external is needed.

            Commands:
              run    import membership events (and plans) from files and bill a range of dates
              demo   bill sample organisations for today
              bench  time the pipeline on generated events (import, topology, nightly job)
              help   show this text (also --help; 'reconciler <command> --help' for a command)

            Exit status: 0 done, 1 the run failed, 2 bad arguments or input files (nothing written).
            """;

    public static final String RUN = """
            Usage: reconciler run --events FILE.jsonl [--plans FILE.csv] --from YYYY-MM-DD [--to YYYY-MM-DD]
                                  [--seat-basis END_OF_DAY|DAILY_PEAK] [--zone ZONE] [--max-dates N] --out DIR

              --events FILE     membership events, one JSON object per line (blank lines skipped)
              --plans FILE      CSV with header org_id,plan; organisations not listed get the default plan
              --from DATE       first billing date
              --to DATE         last billing date (default: --from)
              --seat-basis B    END_OF_DAY (default) bills the close counts, DAILY_PEAK the day's peaks
              --zone ZONE       billing zone, e.g. UTC (default) or Europe/Paris
              --max-dates N     refuse a range of more than N dates (default 400)
              --out DIR         output folder: <DIR>/<date>/invoices.csv, seat-counts.csv,
                                <DIR>/rejected-events.jsonl, <DIR>/run-summary.json
            """;

    public static final String DEMO = """
            Usage: reconciler demo [--out DIR] [--seat-basis END_OF_DAY|DAILY_PEAK] [--zone ZONE]

            Bills sample organisations for today (in the zone), among them the help article's clinic
            with 10 standard and 16 support members, which needs 13 seats.

              --out DIR         output folder (default: ./demo-out)
              --seat-basis B    END_OF_DAY (default) or DAILY_PEAK
              --zone ZONE       billing zone (default UTC)
            """;

    public static final String BENCH = """
            Usage: reconciler bench [--events N] [--orgs K] [--days D]

            Generates N membership events (default 200000) for K organisations (default 2000) over D
            days (default 3), runs them through the local pipeline in a temporary folder, bills each
            day and prints how fast each phase went. Nothing is kept.
            """;

    private Usage() {
    }
}
