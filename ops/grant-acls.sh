#!/usr/bin/env bash
# The ACLs each part of the seat reconciler needs on a cluster with an authorizer (DESIGN.md section 8),
# granted with Kafka's own kafka-acls.sh as a super user. Nothing more: every other access is refused.
#   KAFKA_BIN=/opt/kafka/bin BOOTSTRAP_SERVERS=broker:9093 ADMIN_CONFIG=admin.properties ops/grant-acls.sh
# ADMIN_CONFIG: client properties of a super user (security.protocol=SASL_SSL, sasl.*, ssl.truststore.*).
# Principals default to the SCRAM users streams, batch and publisher (STREAMS_USER, BATCH_USER, PUBLISHER_USER).
# system-tests' SaslSslIT runs this script as it is and then the apps with these users.
set -euo pipefail

bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS (host:port of the cluster)}"
admin_config="${ADMIN_CONFIG:?set ADMIN_CONFIG (client properties of a super user)}"
streams="User:${STREAMS_USER:-streams}"
batch="User:${BATCH_USER:-batch}"
publisher="User:${PUBLISHER_USER:-publisher}"
# spring.kafka.streams.application-id: the streams app's consumer group, and the prefix of its internal
# topics (changelogs) and of its transactional ids (exactly-once)
app_id="${STREAMS_APPLICATION_ID:-seat-reconciler-streams}"

acl() {
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add "$@"
}

# streams app: reads the events, writes its three outputs, owns its internal topics, its group and its
# transactions
acl --allow-principal "$streams" --operation Read --topic hr.membership-events
acl --allow-principal "$streams" --operation Write --topic hr.membership-events.rejected \
  --topic seats.org-counts --topic seats.org-daily
# its startup check of the topics' configs against DESIGN.md section 5 (with SEATS_TOPICS_CREATE=false it only
# reports a difference, so it needs no AlterConfigs)
acl --allow-principal "$streams" --operation DescribeConfigs --topic seats.org-counts --topic seats.org-daily \
  --topic billing.org-plans
acl --allow-principal "$streams" --operation All --resource-pattern-type prefixed --topic "$app_id-"
acl --allow-principal "$streams" --operation Read --group "$app_id"
acl --allow-principal "$streams" --operation Write --operation Describe --resource-pattern-type prefixed \
  --transactional-id "$app_id-"

# nightly job, read-only: the daily figures and the plans (assigned partitions, no group of its own), the
# end offsets of the events and the streams app's committed offsets (the catch-up check)
acl --allow-principal "$batch" --operation Read --topic seats.org-daily --topic billing.org-plans
acl --allow-principal "$batch" --operation Describe --topic hr.membership-events
acl --allow-principal "$batch" --operation Describe --group "$app_id"

# reconciler publish (or an HR system, the subscription system): writes the inputs, idempotently (Write on
# the topic is enough for an idempotent producer since Kafka 3.0, KIP-679)
acl --allow-principal "$publisher" --operation Write --topic hr.membership-events --topic billing.org-plans
echo "ACLs granted on $bootstrap"
