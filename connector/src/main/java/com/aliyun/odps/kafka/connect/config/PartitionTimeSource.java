package com.aliyun.odps.kafka.connect.config;

/** Where the time that partition values are computed from comes from ({@code partition.time.source}). */
public enum PartitionTimeSource {
  /** When the row is buffered: the product document's behaviour. */
  FLUSH_TIME,
  /** The record's Kafka timestamp (CreateTime or LogAppendTime, as the topic keeps it). */
  KAFKA_TIMESTAMP,
  /** A field of the message value ({@code partition.time.field}). */
  FIELD
}
