package com.aliyun.odps.kafka.connect.config;

/** Which part of a Kafka message is written; DEFAULT (both) only with TEXT and BINARY. */
public enum MessageMode {
  KEY, VALUE, DEFAULT
}
