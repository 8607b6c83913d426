package com.aliyun.odps.kafka.connect.config;

/** Upsert: where the primary-key columns are filled from: the message value (as the format fills any column) or the Kafka key. */
public enum PrimaryKeySource {
  VALUE, KEY
}
