package dev.mcsink.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsCpuTest {
  @TempDir
  Path dir;

  @Test
  void aCompilerThreadCountsItsUserAndSystemTicks() throws Exception {
    Path stat = write("4242 (C2 CompilerThre) S 1 1 0 0 -1 1077936192 0 0 0 0 731 19 0 0 20 0 1 0 100 0 0");

    assertThat(CompilerThreadsCpu.compilerTicks(stat)).isEqualTo(750);
  }

  @Test
  void anyOtherThreadIsNotCounted() throws Exception {
    Path stat = write("4243 (pool-1-thread-1 (x)) S 1 1 0 0 -1 1077936192 0 0 0 0 900 100 0 0 20 0 1 0 100 0 0");

    assertThat(CompilerThreadsCpu.compilerTicks(stat)).isEqualTo(-1);
  }

  @Test
  void aThreadThatIsGoneIsNotCounted() {
    assertThat(CompilerThreadsCpu.compilerTicks(dir.resolve("gone"))).isEqualTo(-1);
  }

  private Path write(String line) throws Exception {
    return Files.writeString(dir.resolve("stat"), line + "\n");
  }
}
