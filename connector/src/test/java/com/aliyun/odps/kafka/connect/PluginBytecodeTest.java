package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin must load in Connect workers running Java 11: every class is Java 11 bytecode. */
class PluginBytecodeTest {
  private static final int JAVA_11 = 55;

  @Test
  void everyConnectorClassIsJava11Bytecode() throws Exception {
    Path classes = Path.of(MaxComputeSinkConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> classFiles;
    try (Stream<Path> walk = Files.walk(classes)) {
      classFiles = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }

    assertThat(classFiles).hasSizeGreaterThan(20);
    for (Path file : classFiles) {
      assertThat(majorVersion(file)).as("class file version of %s", classes.relativize(file)).isLessThanOrEqualTo(JAVA_11);
    }
  }

  private static int majorVersion(Path classFile) throws IOException {
    try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // magic
      data.readUnsignedShort(); // minor
      return data.readUnsignedShort();
    }
  }
}
