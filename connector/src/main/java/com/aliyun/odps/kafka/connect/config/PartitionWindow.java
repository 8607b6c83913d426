package com.aliyun.odps.kafka.connect.config;

/** Granularity of the {@code pt} partition value. */
public enum PartitionWindow {
  DAY, HOUR, MINUTE
}
