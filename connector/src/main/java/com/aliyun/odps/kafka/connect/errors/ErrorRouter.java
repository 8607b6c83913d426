package com.aliyun.odps.kafka.connect.errors;

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * Sends each record that cannot become a row to one route, chosen once per task, first match wins:
 * <ol>
 *   <li><b>Error topic</b> ({@code runtime.error.topic.name} and {@code .bootstrap.servers} set):
 *       whatever skip_error says, as the product document's table has it.
 *   <li><b>Connect's errant record reporter</b>, when the worker offers one, i.e. the connector sets
 *       {@code errors.deadletterqueue.topic.name} or {@code errors.log.enable=true}. Connect then
 *       applies {@code errors.tolerance}: with {@code all} the task goes on; with {@code none} (its
 *       default) the task stops unless skip_error=true.
 *   <li><b>Skip</b> when skip_error=true, or when the connector sets {@code errors.tolerance=all}
 *       without a dead-letter queue or error log (Connect then offers no reporter, yet the user
 *       asked it to tolerate bad records): one WARN log line per record.
 *   <li><b>Stop the task</b> otherwise, with a {@link ConnectException} naming the record's topic,
 *       partition and offset and the reason, which Connect shows in the task's status.
 * </ol>
 * The error topic comes first because it is this connector's own, explicit setting; a connector
 * JSON written for Alibaba's connector keeps behaving as documented when Connect-level error
 * settings are added to it.
 */
public final class ErrorRouter implements FailedRecordHandler {
  private final FailedRecordHandler route;
  private final String kind;
  private final String description;

  private ErrorRouter(FailedRecordHandler route, String kind, String description) {
    this.route = route;
    this.kind = kind;
    this.description = description;
  }

  public static ErrorRouter create(SinkSettings settings, SinkTaskContext context) {
    return create(settings, context, KafkaProducer::new);
  }

  /** With a producer factory of the tests' choosing (the production one builds a KafkaProducer). */
  static ErrorRouter create(SinkSettings settings, SinkTaskContext context,
      Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory) {
    if (settings.hasErrorTopic()) {
      if (settings.errorTopicBootstrapServers().isEmpty()) {
        throw new ConnectException("runtime.error.topic.name is set but runtime.error.topic.bootstrap.servers"
            + " is not: both are needed to send failed records to the error topic");
      }
      Map<String, Object> config = ErrorTopicRoute.producerConfig(settings.errorTopicBootstrapServers(),
          settings.errorTopicProducerOverrides());
      return new ErrorRouter(new ErrorTopicRoute(settings.errorTopic(), config, producerFactory), "error-topic",
          "error topic " + settings.errorTopic() + " at " + config.get("bootstrap.servers"));
    }
    ConnectReporterRoute reporter = ConnectReporterRoute.from(context, settings.skipError());
    if (reporter != null) {
      return new ErrorRouter(reporter, "connect-reporter", "Connect's errant record reporter (errors.* settings)");
    }
    if (settings.skipError()) {
      return new ErrorRouter(new SkipRoute(), "skip", "skipped with a WARN log line (skip_error=true)");
    }
    if (toleratesAll(context)) {
      return new ErrorRouter(new SkipRoute(), "skip", "skipped with a WARN log line (errors.tolerance=all)");
    }
    return new ErrorRouter(new StopTaskRoute(), "stop-task", "none: the task stops (skip_error=false)");
  }

  /** The task's configuration is the connector's, Connect's errors.* keys included. */
  private static boolean toleratesAll(SinkTaskContext context) {
    Map<String, String> configs = context.configs();
    return configs != null && "all".equalsIgnoreCase(String.valueOf(configs.get("errors.tolerance")).trim());
  }

  @Override
  public void handle(SinkRecord record, Exception reason) {
    route.handle(record, reason);
  }

  @Override
  public void flush() {
    route.flush();
  }

  @Override
  public void close() {
    route.close();
  }

  /**
   * The route in one word, for the task's metrics: error-topic, connect-reporter (Connect's
   * dead-letter queue or error log), skip, or stop-task.
   */
  public String kind() {
    return kind;
  }

  /** Where failed records go, for the task's start-up log line. */
  @Override
  public String toString() {
    return "failed records: " + description;
  }

  FailedRecordHandler route() {
    return route;
  }
}
