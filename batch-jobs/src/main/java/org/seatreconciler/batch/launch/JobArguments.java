package org.seatreconciler.batch.launch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The job's own command-line options, read from the raw arguments (Spring's parser takes {@code --explain
 * clinic-a} for a flag and a stray argument): {@code --billing-date D}, {@code --preview} (or {@code --dry-run}),
 * {@code --explain ORG} with {@code --json}; a value follows its option after {@code =} or a space. Options with a
 * dot are Spring settings, {@code --debug} and {@code --trace} Spring Boot's; anything else is refused, so a
 * mistyped option never bills yesterday.
 *
 * @param billingDate the date asked, or null for yesterday in the billing zone
 * @param explain     the organisation to explain, or null
 */
record JobArguments(LocalDate billingDate, boolean preview, String explain, boolean json) {

    /** Whether the command only reads (--preview, --explain), or is refused anyway: either way it runs no DDL. */
    static boolean readsOnly(String... args) {
        try {
            JobArguments command = parse(args);
            return command.preview() || command.explain() != null;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    static final String USAGE = "expected --billing-date=YYYY-MM-DD [--preview | --explain ORG [--json]] or a "
            + "setting --<key>=<value> (e.g. --seats.billing.seat-basis=DAILY_PEAK)";
    private static final Set<String> FLAGS = Set.of("preview", "dry-run", "json", "debug", "trace");

    /** @throws IllegalArgumentException with the one-line message for the operator */
    static JobArguments parse(String... args) {
        String date = null;
        String explain = null;
        boolean preview = false;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': " + USAGE);
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            if (name.indexOf('.') >= 0) {
                continue; // a setting, Spring's
            }
            if (name.equals("recover")) {
                throw new IllegalArgumentException("--recover is no longer needed: a run killed mid-way is taken over "
                        + "by the next start once its lease expires (seats.billing.lease-expiry); run without it");
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value: " + USAGE);
                }
                preview |= name.equals("preview") || name.equals("dry-run");
                json |= name.equals("json");
                continue;
            }
            if (!name.equals("billing-date") && !name.equals("explain")) {
                throw new IllegalArgumentException("Unknown option --" + name + ": " + USAGE);
            }
            if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " needs a value: " + USAGE);
            }
            if (name.equals("billing-date")) {
                if (date != null) {
                    throw new IllegalArgumentException("--billing-date is given more than once; give it once");
                }
                date = value;
            } else {
                if (explain != null) {
                    throw new IllegalArgumentException("--explain is given more than once; explain one organisation");
                }
                explain = value;
            }
        }
        if (preview && explain != null) {
            throw new IllegalArgumentException("--preview and --explain do not go together: --explain of a date not "
                    + "billed yet explains its preview by itself");
        }
        if (json && explain == null) {
            throw new IllegalArgumentException("--json goes with --explain ORG");
        }
        return new JobArguments(date == null ? null : date(date), preview, explain, json);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid --billing-date '" + text + "': expected YYYY-MM-DD");
        }
    }
}
