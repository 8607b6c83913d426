#!/bin/sh
# Kafka's kafka-console-consumer.sh, run from the Kafka 4.1.1 jars that this project resolves
# through Maven (module local-stack). Same options as in a Kafka distribution. POSIX sh, so
# 'sh bin/kafka-console-consumer.sh ...' works as written in the MaxCompute document.
exec "$(dirname "$(readlink -f "$0")")/lib/kafka-run-tool" org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
