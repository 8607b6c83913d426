package dev.mcsink.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {
  private static final Duration READY = Duration.ofSeconds(30);

  /** The child JVM: says who it is and waits to be stopped. */
  public static void main(String[] args) throws InterruptedException {
    System.out.println("running as pid=" + ProcessHandle.current().pid() + ";");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  @Test
  void aKilledProcessStartsAgainAndReadinessOnlyCountsTheNewRun(@TempDir Path dir) throws Exception {
    try (JavaProcess child = startChild(dir)) {
      long firstPid = child.pid();
      child.awaitReady(() -> child.logContains("pid=" + firstPid + ";"), READY, "first start");

      child.kill();
      assertThat(child.isAlive()).isFalse();
      child.restart();
      long secondPid = child.pid();
      child.awaitReady(() -> child.logContains("pid=" + secondPid + ";"), READY, "second start");

      assertThat(secondPid).isNotEqualTo(firstPid);
      assertThat(child.logContains("pid=" + firstPid + ";")).isFalse();
      assertThat(child.logTail(5)).contains("pid=" + firstPid + ";").contains("pid=" + secondPid + ";");
    }
  }

  @Test
  void aRunningProcessIsNotStartedTwice(@TempDir Path dir) throws Exception {
    try (JavaProcess child = startChild(dir)) {
      assertThatThrownBy(child::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("still running");
    }
  }

  @Test
  void closeEndsTheProcess(@TempDir Path dir) throws Exception {
    JavaProcess child = startChild(dir);
    child.awaitReady(() -> child.logContains("pid="), READY, "start");

    child.close();

    assertThat(child.isAlive()).isFalse();
  }

  private static JavaProcess startChild(Path dir) throws Exception {
    return JavaProcess.start("test child", List.of("-Xmx32m"), System.getProperty("java.class.path"),
        JavaProcessTest.class.getName(), List.of(), dir.resolve("child.log"));
  }
}
