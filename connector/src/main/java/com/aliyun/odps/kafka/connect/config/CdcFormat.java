package com.aliyun.odps.kafka.connect.config;

/**
 * Upsert: how a message says it is a change. NONE: every message upserts, a tombstone (null value)
 * deletes its key. DEBEZIUM: Debezium's envelope ({@code op}, {@code before}, {@code after}) and its
 * flattened form ({@code ExtractNewRecordState}: {@code __deleted}, {@code __op}, tombstones).
 */
public enum CdcFormat {
  NONE, DEBEZIUM
}
