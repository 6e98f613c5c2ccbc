#!/usr/bin/env bash
# Creates the topics of DESIGN.md section 5 with Kafka's own kafka-topics.sh, as the apps expect them
# (the apps run with SEATS_TOPICS_CREATE=false). Idempotent: an existing topic is left as it is.
# docker-compose.yml runs it in its one-shot "topics" service; outside compose:
#   KAFKA_BIN=/opt/kafka/bin BOOTSTRAP_SERVERS=broker:9092 REPLICATION_FACTOR=3 ops/create-topics.sh
# CLIENT_CONFIG names a client properties file (e.g. SASL_SSL settings of an admin user, docs/operations.md).
set -euo pipefail

bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS (host:port of the cluster)}"
input_partitions="${INPUT_PARTITIONS:-6}"
output_partitions="${OUTPUT_PARTITIONS:-6}"
replication="${REPLICATION_FACTOR:-3}"
# seats.org-daily keeps 62 days (at least 40); the topics the nightly job reads keep a superseded record
# for at least a day, so a restarted job finds what its first attempt saw
daily_retention_ms="${DAILY_RETENTION_MS:-5356800000}"
min_compaction_lag_ms="${MIN_COMPACTION_LAG_MS:-86400000}"
client=()
if [[ -n "${CLIENT_CONFIG:-}" ]]; then
  client=(--command-config "$CLIENT_CONFIG")
fi

create() {
  local topic="$1" partitions="$2"
  shift 2
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "${client[@]}" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$replication" "$@"
}

create hr.membership-events "$input_partitions"
create hr.membership-events.rejected "$input_partitions"
create seats.org-counts "$output_partitions" --config cleanup.policy=compact
create seats.org-daily "$output_partitions" --config cleanup.policy=compact,delete \
  --config retention.ms="$daily_retention_ms" --config min.compaction.lag.ms="$min_compaction_lag_ms"
create billing.org-plans "$output_partitions" --config cleanup.policy=compact \
  --config min.compaction.lag.ms="$min_compaction_lag_ms"
echo "Topics ready on $bootstrap"
