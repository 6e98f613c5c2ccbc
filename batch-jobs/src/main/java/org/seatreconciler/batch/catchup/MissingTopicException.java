package org.seatreconciler.batch.catchup;

/**
 * A topic the job needs does not exist: most likely a misnamed topic setting. Billing on without it
 * would complete the night with empty invoices, and a completed date is never billed again.
 */
public class MissingTopicException extends RuntimeException {

    private final String topic;

    public MissingTopicException(String topic) {
        super("Topic " + topic + " does not exist");
        this.topic = topic;
    }

    private MissingTopicException(String topic, String message) {
        super(message);
        this.topic = topic;
    }

    /**
     * {@code Topic seats.org-daily does not exist (setting seats.topics.org-daily, env SEATS_TOPICS_ORGDAILY)}.
     *
     * @param settingKey the property that names the topic
     */
    public static MissingTopicException forSetting(String topic, String settingKey) {
        return new MissingTopicException(topic, "Topic " + topic + " does not exist (setting " + settingKey + ", env "
                + environmentVariable(settingKey) + ")");
    }

    public MissingTopicException withSetting(String settingKey) {
        return forSetting(topic, settingKey);
    }

    public String topic() {
        return topic;
    }

    /** Spring Boot's relaxed binding: dots to underscores, dashes removed, upper case. */
    static String environmentVariable(String settingKey) {
        return settingKey.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
