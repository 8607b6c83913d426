package com.aliyun.odps.kafka.connect.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.odps.kafka.connect.config.AccountType;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the credentials library says when AssumeRole fails, turned into messages without secrets. */
class AssumeRoleFailuresTest {
  private static final String CALLER_SECRET = "caller-secret-81f0";

  private static AssumeRoleSource source() {
    return new AssumeRoleSource(SinkSettings.builder().endpoint("http://mc/api").project("p").table("t")
        .accountType(AccountType.STS).accessId("caller-id").accessKey(CALLER_SECRET)
        .accountId("1234567890123456").roleName("mc-sink").stsEndpoint("sts.example.com").build(),
        Duration.ofSeconds(1), null);
  }

  @Test
  void anAnswerWithIncompleteCredentialsIsNotQuoted() {
    String body = "{\"Credentials\":{\"AccessKeyId\":\"STS.abc\",\"AccessKeySecret\":\"temp-secret-55aa\","
        + "\"Expiration\":\"2030-01-01T00:00:00Z\"}}";
    try (AssumeRoleSource source = source()) {
      CredentialsUnavailableException e = source.failure(
          new CredentialException("Error retrieving credentials from RamRoleArn result: " + body + "."));

      assertThat(e).hasMessageContaining("acs:ram::1234567890123456:role/mc-sink")
          .hasMessageContaining("without complete credentials")
          .hasMessageNotContaining("temp-secret-55aa");
      assertThat(e.configKey()).isEqualTo("sts.endpoint");
      assertThat(e.isTransient()).isFalse();
    }
  }

  @Test
  void theCallersSecretIsHiddenWhereverTheLibraryPutsIt() {
    try (AssumeRoleSource source = source()) {
      CredentialsUnavailableException e = source.failure(
          new CredentialException("Failed to connect RamRoleArn Service: key " + CALLER_SECRET));

      assertThat(e).hasMessageNotContaining(CALLER_SECRET).hasMessageContaining("[hidden]");
    }
  }
}
