package org.seatreconciler.streams.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At startup, compares the configs of the existing topics with those DESIGN.md section 5 gives them
 * ({@code TopicLayout}): a {@code seats.org-daily} created by an older version or by hand may lack
 * {@code compact,delete}, the retention or the compaction lag, and then the nightly job's bounded reading
 * and history silently do not hold. One {@code describeConfigs} for all topics; then either
 * <ul>
 *   <li>{@code alter} ({@code seats.topics.create=true}, the app owns its topics): one
 *       {@code incrementalAlterConfigs} sets the differing configs, and one INFO line per changed topic names the
 *       old and new values;</li>
 *   <li>otherwise (production, topics made by {@code ops/create-topics.sh}): one WARN line per differing topic,
 *       and {@link #state()} keeps them for the health endpoint and the metric. The app never exits for it.</li>
 * </ul>
 * A topic that does not exist is left to whoever creates topics (KafkaAdmin runs before this check).
 */
public final class TopicConfigCheck {

    private static final Logger log = LoggerFactory.getLogger(TopicConfigCheck.class);

    /**
     * What the last check found: the topics that still differ, and why they could not be altered or why it
     * could not look ({@code problem}, else null).
     */
    public record State(boolean checked, List<TopicMismatch> mismatches, String problem) {

        static final State NOT_YET = new State(false, List.of(), "not checked yet");

        public State {
            mismatches = List.copyOf(mismatches);
        }
    }

    private final List<NewTopic> layout;
    private final boolean alter;
    private final Supplier<Admin> admins;
    private final Duration timeout;
    private volatile State state = State.NOT_YET;

    /**
     * @param layout the topics as {@code TopicLayout} creates them
     * @param alter  set the differing configs ({@code seats.topics.create}); otherwise only report them
     * @param admins a new admin client of the app's settings (closed after the check)
     * @param timeout for each of the (at most two) calls to the cluster
     */
    public TopicConfigCheck(List<NewTopic> layout, boolean alter, Supplier<Admin> admins, Duration timeout) {
        this.layout = layout.stream().filter(t -> t.configs() != null && !t.configs().isEmpty()).toList();
        this.alter = alter;
        this.admins = admins;
        this.timeout = timeout;
    }

    public State state() {
        return state;
    }

    /** Looks once, and alters or reports; a failure to look or to alter is one WARN line, never an exception. */
    public State run() {
        try (Admin admin = admins.get()) {
            List<TopicMismatch> found = differences(layout, describe(admin));
            if (!alter) {
                found.forEach(m -> log.warn(warning(m)));
                state = new State(true, found, null);
                return state;
            }
            try {
                if (!found.isEmpty()) {
                    admin.incrementalAlterConfigs(operations(found), new AlterConfigsOptions()
                            .timeoutMs((int) timeout.toMillis())).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    found.forEach(m -> log.info(altered(m)));
                }
                state = new State(true, List.of(), null);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                String problem = problem(e);
                log.warn("Cannot alter the configs of topics to those of DESIGN.md section 5 ({}): {}", problem,
                        found.stream().map(m -> m.topic() + ": " + m.changes()).toList());
                state = new State(true, found, "cannot alter: " + problem);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = new State(false, List.of(), "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            String problem = problem(e);
            log.warn("Cannot check the configs of topics {}: {}", names(), problem);
            state = new State(false, List.of(), problem);
        }
        return state;
    }

    /**
     * The configs of {@code layout} that the topics described in {@code actual} do not have, per topic in layout
     * order; topics missing from {@code actual} are left out. cleanup.policy is a list: its order does not matter.
     */
    static List<TopicMismatch> differences(List<NewTopic> layout, Map<String, Config> actual) {
        List<TopicMismatch> found = new ArrayList<>();
        for (NewTopic topic : layout) {
            Config config = actual.get(topic.name());
            if (config == null) {
                continue;
            }
            List<TopicMismatch.Difference> differences = new ArrayList<>();
            new TreeMap<>(topic.configs()).forEach((name, expected) -> {
                ConfigEntry entry = config.get(name);
                String value = entry == null ? null : entry.value();
                if (!same(name, value, expected)) {
                    differences.add(new TopicMismatch.Difference(name, value, expected));
                }
            });
            if (!differences.isEmpty()) {
                found.add(new TopicMismatch(topic.name(), differences));
            }
        }
        return found;
    }

    static String altered(TopicMismatch m) {
        return "Topic " + m.topic() + " did not have the configs of DESIGN.md section 5 (seats.topics.create=true): "
                + "altered " + m.changes();
    }

    static String warning(TopicMismatch m) {
        return "Topic " + m.topic() + " does not have the configs of DESIGN.md section 5 and is left as it is "
                + "(seats.topics.create=false): " + m.changes() + " is needed (kafka-configs.sh --alter; "
                + "ops/create-topics.sh leaves existing topics alone)";
    }

    private Map<String, Config> describe(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, KafkaFuture<Config>> futures = admin.describeConfigs(layout.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList(),
                new DescribeConfigsOptions().timeoutMs((int) timeout.toMillis())).values();
        Map<String, Config> configs = new LinkedHashMap<>();
        for (Map.Entry<ConfigResource, KafkaFuture<Config>> e : futures.entrySet()) {
            try {
                configs.put(e.getKey().name(), e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw missing;
                }
            }
        }
        return configs;
    }

    private static Map<ConfigResource, Collection<AlterConfigOp>> operations(List<TopicMismatch> mismatches) {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
        for (TopicMismatch m : mismatches) {
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, m.topic()), m.differences().stream()
                    .map(d -> new AlterConfigOp(new ConfigEntry(d.name(), d.expected()), AlterConfigOp.OpType.SET))
                    .toList());
        }
        return ops;
    }

    private static boolean same(String name, String actual, String expected) {
        if (actual == null) {
            return false;
        }
        return name.equals(TopicConfig.CLEANUP_POLICY_CONFIG) ? items(actual).equals(items(expected))
                : actual.equals(expected);
    }

    private static Set<String> items(String list) {
        Set<String> items = new TreeSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    private static String problem(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private List<String> names() {
        return layout.stream().map(NewTopic::name).toList();
    }
}
