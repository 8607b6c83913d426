package com.aliyun.odps.kafka.connect.config;

/**
 * How the connector authenticates: ALIYUN (AccessKey pair), STS (AssumeRole with the AccessKey
 * pair as caller); anything else means Alibaba's default credential chain (system properties,
 * environment, CLI profile, ECS instance role; see the account_type documentation).
 */
public enum AccountType {
  ALIYUN, STS, DEFAULT_CHAIN
}
