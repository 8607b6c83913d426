package dev.mcsink.benchmarks.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM started by the benchmark (broker or Connect worker): its own process, so that its CPU time,
 * heap and RSS are its own; output to a log file; stopped with SIGTERM, then SIGKILL.
 */
final class JavaProcess implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 100;

  private final String name;
  private final Process process;
  private final Path log;

  private JavaProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static JavaProcess start(String name, List<String> jvmOptions, String classPath, String mainClass,
      List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    return new JavaProcess(name, process, log);
  }

  /** Runs a short-lived JVM (e.g. a storage formatter) to its end; fails with its output if it fails. */
  static void runToEnd(String name, List<String> jvmOptions, String classPath, String mainClass,
      List<String> args, Path log, Duration timeout) throws IOException, InterruptedException {
    try (JavaProcess p = start(name, jvmOptions, classPath, mainClass, args, log)) {
      if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
      }
      if (p.process.exitValue() != 0) {
        throw new IllegalStateException(name + " failed (exit " + p.process.exitValue() + "):\n" + p.logTail(30));
      }
    }
  }

  long pid() {
    return process.pid();
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /** Waits until the condition holds; fails early, with the end of the log, if the process exits. */
  void awaitReady(BooleanSupplier ready, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited while waiting for " + what + ":\n" + logTail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + ": no " + what + " within " + timeout + ":\n" + logTail(40));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
    } catch (java.nio.charset.MalformedInputException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java that runs this benchmark, so child JVMs are the same version. */
  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
