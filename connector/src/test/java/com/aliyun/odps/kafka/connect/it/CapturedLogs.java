package com.aliyun.odps.kafka.connect.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Everything this JVM (the Connect worker's, the broker's and the connector's) writes while open,
 * as text to search: log4j from INFO (what a worker logs by default) and the connector's loggers
 * from DEBUG, with stack traces; java.util.logging of the MaxCompute SDK from FINE; standard output
 * and error. The console keeps showing WARN and above only, as log4j2-test.properties has it.
 */
final class CapturedLogs implements AutoCloseable {
  private static final String CONNECTOR_PACKAGE = "com.aliyun.odps.kafka.connect";
  /** The SDK logs through java.util.logging; the logger is held here (JUL keeps loggers weakly). */
  private static final java.util.logging.Logger SDK_LOGGER = java.util.logging.Logger.getLogger("com.aliyun");

  private final StringBuffer text = new StringBuffer();
  private final Log4jCapture log4j = new Log4jCapture();
  private final Handler julHandler = new JulCapture();
  private final Map<String, Appender> rootAppenders = new HashMap<>();
  private Level rootLevel;
  private java.util.logging.Level sdkLevel;
  private PrintStream out;
  private PrintStream err;

  static CapturedLogs start() {
    CapturedLogs logs = new CapturedLogs();
    logs.startLog4j();
    logs.sdkLevel = SDK_LOGGER.getLevel();
    SDK_LOGGER.setLevel(java.util.logging.Level.FINE);
    SDK_LOGGER.addHandler(logs.julHandler);
    logs.out = System.out;
    logs.err = System.err;
    System.setOut(logs.tee(logs.out));
    System.setErr(logs.tee(logs.err));
    return logs;
  }

  /** All captured so far. */
  String text() {
    return text.toString();
  }

  private void startLog4j() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    rootLevel = root.getLevel();
    rootAppenders.putAll(root.getAppenders());
    for (Appender appender : rootAppenders.values()) {
      root.removeAppender(appender.getName());
      root.addAppender(appender, Level.WARN, null);
    }
    log4j.start();
    root.addAppender(log4j, null, null);
    root.setLevel(Level.INFO);
    config.addLogger(CONNECTOR_PACKAGE, new LoggerConfig(CONNECTOR_PACKAGE, Level.DEBUG, true));
    context.updateLoggers();
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    SDK_LOGGER.removeHandler(julHandler);
    SDK_LOGGER.setLevel(sdkLevel);
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    config.removeLogger(CONNECTOR_PACKAGE);
    LoggerConfig root = config.getRootLogger();
    root.removeAppender(log4j.getName());
    for (Appender appender : rootAppenders.values()) {
      root.removeAppender(appender.getName());
      root.addAppender(appender, null, null);
    }
    root.setLevel(rootLevel);
    context.updateLoggers();
    log4j.stop();
  }

  private void add(String line, Throwable thrown) {
    text.append(line).append('\n');
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      text.append(trace).append('\n');
    }
  }

  private PrintStream tee(PrintStream original) {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    OutputStream both = new OutputStream() {
      @Override
      public synchronized void write(int b) {
        original.write(b);
        copy.write(b);
        if (b == '\n') {
          flushLine();
        }
      }

      @Override
      public synchronized void flush() {
        original.flush();
        flushLine();
      }

      private void flushLine() {
        text.append(copy.toString(StandardCharsets.UTF_8));
        copy.reset();
      }
    };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }

  private final class Log4jCapture extends AbstractAppender {
    Log4jCapture() {
      super("captured-logs", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getMessage().getFormattedMessage(),
          event.getThrown());
    }
  }

  private final class JulCapture extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    JulCapture() {
      setLevel(java.util.logging.Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      add(record.getLevel() + " " + record.getLoggerName() + " - " + formatter.formatMessage(record),
          record.getThrown());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
