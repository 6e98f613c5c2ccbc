package org.seatreconciler.batch.launch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The command line: bills {@code --billing-date=YYYY-MM-DD} (default: yesterday in the billing zone), after
 * the dates before it that are not billed yet, and exits. Its outcome is the process exit code: 0 billed or
 * already billed, 1 the job failed or was refused (another process bills, dates out of order, a gap beyond
 * the limit), 2 bad arguments. The one-line messages are for the operator on the terminal: one per date.
 */
@Component
@ConditionalOnExpression("${seats.billing.run-on-startup:true} and !${seats.billing.schedule.enabled:false}")
public class BillingCommandRunner implements ApplicationRunner, ExitCodeGenerator {

    static final String BILLING_DATE_OPTION = "billing-date";
    private static final Set<String> KNOWN_OPTIONS = Set.of(BILLING_DATE_OPTION, "debug", "trace");
    private static final String USAGE = "expected --billing-date=YYYY-MM-DD or a setting --<key>=<value> "
            + "(e.g. --seats.billing.seat-basis=DAILY_PEAK)";

    private final NightlyBilling billing;
    private int exitCode;

    public BillingCommandRunner(NightlyBilling billing) {
        this.billing = billing;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate date;
        try {
            date = billingDate(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
            return;
        }
        try {
            for (BillingRun run : billing.bill(date)) {
                System.out.println(run.describe());
            }
            exitCode = 0;
        } catch (BillingFailedException e) {
            System.err.println(e.getMessage());
            exitCode = 1;
        }
    }

    private LocalDate billingDate(ApplicationArguments args) {
        rejectUnknownArguments(args);
        List<String> values = args.getOptionValues(BILLING_DATE_OPTION);
        if (values == null || values.isEmpty()) {
            return billing.yesterday();
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("--billing-date is given " + values.size() + " times; give it once");
        }
        try {
            return LocalDate.parse(values.get(0));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid --billing-date '" + values.get(0) + "': expected YYYY-MM-DD");
        }
    }

    /**
     * A mistyped option ({@code --biling-date}) must not silently bill yesterday. Dotted options are
     * Spring settings ({@code --seats.billing.seat-basis=DAILY_PEAK}), and so are Boot's --debug and --trace.
     */
    private static void rejectUnknownArguments(ApplicationArguments args) {
        for (String name : args.getOptionNames()) {
            if (name.equals("recover")) {
                throw new IllegalArgumentException("--recover is no longer needed: a run killed mid-way is taken over "
                        + "by the next start once its lease expires (seats.billing.lease-expiry); run without it");
            }
            if (!KNOWN_OPTIONS.contains(name) && name.indexOf('.') < 0) {
                throw new IllegalArgumentException("Unknown option --" + name + ": " + USAGE);
            }
        }
        if (!args.getNonOptionArgs().isEmpty()) {
            throw new IllegalArgumentException("Unexpected argument '" + args.getNonOptionArgs().get(0) + "': " + USAGE);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
