package dev.mcsink.stack;

import java.io.IOException;
import java.io.InputStream;
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
 * A JVM of the local stack (broker or Connect worker) in its own process, so that its CPU time,
 * heap and RSS are its own and it can be killed like a real one; output appended to a log file;
 * stopped with SIGTERM (then SIGKILL), or killed outright, and started again with the same command.
 */
public final class JavaProcess implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 100;

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  /** Where this run's output begins in the log: readiness is judged on this run's lines only. */
  private long logStart;

  private JavaProcess(String name, List<String> command, Path log) {
    this.name = name;
    this.command = command;
    this.log = log;
  }

  public static JavaProcess start(String name, List<String> jvmOptions, String classPath, String mainClass,
      List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    JavaProcess started = new JavaProcess(name, List.copyOf(command), log);
    started.launch();
    return started;
  }

  /** Runs a short-lived JVM (e.g. a storage formatter) to its end; fails with its output if it fails. */
  public static void runToEnd(String name, List<String> jvmOptions, String classPath, String mainClass,
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

  private void launch() throws IOException {
    logStart = Files.exists(log) ? Files.size(log) : 0;
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  /** Starts the same command again after a stop or a kill; the log goes on in the same file. */
  public void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the condition holds; fails early, with the end of the log, if the process exits. */
  public void awaitReady(BooleanSupplier ready, Duration timeout, String what) throws InterruptedException {
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

  /** Whether this run (since the last start) has logged the text. */
  public boolean logContains(String text) {
    if (!Files.exists(log)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(log)) {
      in.skipNBytes(logStart);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** SIGKILL, as a crash or the OOM killer would end it: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for " + STOP_TIMEOUT);
    }
  }

  /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java that runs this program, so child JVMs are the same version. */
  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
