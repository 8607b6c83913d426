package com.aliyun.odps.kafka.connect.config;

/**
 * How the connector authenticates: ALIYUN (AccessKey pair), STS (AssumeRole with the AccessKey
 * pair as caller); anything else means Alibaba's default credential chain (environment, ECS role).
 */
public enum AccountType {
  ALIYUN, STS, DEFAULT_CHAIN
}
