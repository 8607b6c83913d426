package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin must load in Connect workers running Java 11: every class is Java 11 bytecode. And in
 * workers older than Kafka 3.6: the SinkRecord accessors they lack are named in one place only.
 */
class PluginBytecodeTest {
  private static final int JAVA_11 = 55;
  private static final List<String> ORIGINAL_ACCESSORS =
      List.of("originalTopic", "originalKafkaPartition", "originalKafkaOffset");

  private static Path classes() throws Exception {
    return Path.of(MaxComputeSinkConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<Path> classFiles(Path classes) throws IOException {
    try (Stream<Path> walk = Files.walk(classes)) {
      return walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
  }

  @Test
  void everyConnectorClassIsJava11Bytecode() throws Exception {
    Path classes = classes();
    List<Path> classFiles = classFiles(classes);

    assertThat(classFiles).hasSizeGreaterThan(20);
    for (Path file : classFiles) {
      assertThat(majorVersion(file)).as("class file version of %s", classes.relativize(file)).isLessThanOrEqualTo(JAVA_11);
    }
  }

  /** The detection names them too, as strings; every other class reads RecordOrigin. */
  @Test
  void onlyTheRecordOriginReaderNamesTheOriginalAccessorsOfKafka36() throws Exception {
    assertThat(classesNaming(ORIGINAL_ACCESSORS)).containsExactlyInAnyOrder("com/aliyun/odps/kafka/connect/record/OriginReader.class",
        "com/aliyun/odps/kafka/connect/record/OriginReader$OriginalAccessors.class");
  }

  /** Workers older than Kafka 4.1 lack KIP-877's plugin metrics: one class names them, and the task falls back. */
  @Test
  void onlyTheWorkerPluginMetricsNamePluginMetricsOfKafka41() throws Exception {
    assertThat(classesNaming(List.of("org/apache/kafka/common/metrics/PluginMetrics")))
        .containsExactly("com/aliyun/odps/kafka/connect/metrics/WorkerPluginMetrics.class");
  }

  /** The class files whose bytes hold any of {@code names}. */
  private static List<String> classesNaming(List<String> names) throws Exception {
    Path classes = classes();
    List<String> naming = new ArrayList<>();
    for (Path file : classFiles(classes)) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      if (names.stream().anyMatch(bytes::contains)) {
        naming.add(classes.relativize(file).toString().replace('\\', '/'));
      }
    }
    return naming;
  }

  private static int majorVersion(Path classFile) throws IOException {
    try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // magic
      data.readUnsignedShort(); // minor
      return data.readUnsignedShort();
    }
  }
}
