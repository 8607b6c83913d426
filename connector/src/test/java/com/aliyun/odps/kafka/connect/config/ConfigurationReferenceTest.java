package com.aliyun.odps.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the ConfigDef: this test fails while the file is stale,
 * and rewrites it when run with {@code -Dconfiguration.reference.write=true}.
 */
class ConfigurationReferenceTest {
  private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

  @Test
  void docsConfigurationMdMatchesTheConfigDef() throws IOException {
    String generated = MaxComputeSinkConfig.referenceMarkdown();
    if (Boolean.getBoolean("configuration.reference.write")) {
      Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
    }

    assertThat(Files.exists(REFERENCE)).as("%s exists", REFERENCE).isTrue();
    assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
        .as("docs/configuration.md is stale: run mvn -pl connector test -Dtest=ConfigurationReferenceTest"
            + " -Dconfiguration.reference.write=true")
        .isEqualTo(generated);
  }

  @Test
  void theReferenceListsEveryKey() {
    String generated = MaxComputeSinkConfig.referenceMarkdown();
    for (String key : MaxComputeSinkConfig.CONFIG_DEF.names()) {
      assertThat(generated).contains("`" + key + "`");
    }
  }
}
