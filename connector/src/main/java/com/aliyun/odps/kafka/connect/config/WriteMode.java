package com.aliyun.odps.kafka.connect.config;

/**
 * How rows reach the table: APPEND (the product document's behaviour: every record is a new row) or
 * UPSERT (a Delta table's upsert sessions: a record replaces the row of its primary key, a delete
 * removes it).
 */
public enum WriteMode {
  APPEND, UPSERT
}
