package com.aliyun.odps.kafka.connect.config;

/** How a Kafka message maps onto table columns (product document: "Supported formats"). */
public enum MessageFormat {
  /** Key and/or value as text into STRING columns {@code key}/{@code value}. */
  TEXT,
  /** One delimited line per message, fields by position onto the non-meta columns. */
  CSV,
  /** The whole key and/or value as JSON text into STRING or JSON columns {@code key}/{@code value}. */
  JSON,
  /** Top-level JSON keys (or Struct fields) onto columns of the same name. */
  FLATTEN,
  /** Key and/or value bytes into BINARY columns {@code key}/{@code value}. */
  BINARY
}
