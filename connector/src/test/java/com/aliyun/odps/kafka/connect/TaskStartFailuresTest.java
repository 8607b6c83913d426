package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.errors.FakeSinkTaskContext;
import com.aliyun.odps.kafka.connect.it.MaxComputeSql;
import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import com.aliyun.odps.kafka.connect.tls.UnusableTrustStoreException;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task given wrong keys fails in {@code start()}, soon, saying which key to change (Connect puts
 * the exception in the task's status trace), and the trace holds no secret. A service that can't be
 * reached is waited out instead: it may be an outage.
 */
class TaskStartFailuresTest {
  private static final TopicPartition TP = new TopicPartition("topic_start", 0);
  private static final String ACCESS_KEY = "task-start-secret-6c1d";
  private static final String WRONG_KEY = "wrong-task-secret-93ab";
  private static final String WRONG_STORE_PASSWORD = "wrong-store-pw-27e0";

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.account("task-start-id", ACCESS_KEY));

  @BeforeAll
  static void createTable() throws Exception {
    MaxComputeSql.on(MC.service()).execute("CREATE TABLE IF NOT EXISTS t(topic STRING, `partition` BIGINT,"
        + " `offset` BIGINT, key STRING, value STRING);");
  }

  private static Map<String, String> props(String... keyValues) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoint", MC.service().endpoint());
    props.put("project", "project_name");
    props.put("table", "t");
    props.put("access_id", MC.service().accessId());
    props.put("access_key", ACCESS_KEY);
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  /** The failure of {@code start()}, checked to come within {@code limit}. */
  private static RuntimeException startFailure(Map<String, String> props, Duration limit) {
    long start = System.nanoTime();
    try {
      new MaxComputeSinkTask().start(props);
    } catch (RuntimeException e) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to fail").isLessThan(limit);
      assertThat(traceOf(e)).doesNotContain(ACCESS_KEY, WRONG_KEY, WRONG_STORE_PASSWORD);
      return e;
    }
    throw new AssertionError("the task started");
  }

  /** As Connect's status shows it: the stack trace with every cause. */
  private static String traceOf(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aWrongAccessKeyIsRefusedOnAccessId() {
    RuntimeException e = startFailure(props("access_key", WRONG_KEY), Duration.ofSeconds(5));

    assertThat(e).isInstanceOf(ConnectException.class)
        .hasMessageStartingWith("Cannot start: access_id: MaxCompute refused access for access_id 'task-start-id'"
            + " (HTTP 403)")
        .hasMessageContaining("signature does not match");
  }

  @Test
  void anUnknownAccessIdIsRefusedOnAccessId() {
    RuntimeException e = startFailure(props("access_id", "nobody"), Duration.ofSeconds(5));

    assertThat(e).hasMessageStartingWith("Cannot start: access_id: MaxCompute refused access for access_id 'nobody'");
  }

  @Test
  void aMissingProjectIsNamed() {
    RuntimeException e = startFailure(props("project", "no_such_project"), Duration.ofSeconds(5));

    assertThat(e).isInstanceOf(ConnectException.class).hasMessageContaining("no_such_project")
        .hasMessageContaining("does not exist");
  }

  /**
   * An unreachable service may be an outage (a worker restarted in the middle of one): the task
   * starts and waits, and put has Connect redeliver, naming the endpoint problem.
   */
  @Test
  void aRefusedConnectionAtStartIsWaitedOutAndNamedOnEveryPut() {
    MaxComputeSinkTask task = startedTask(props("endpoint", "http://127.0.0.1:1/api", "retry_times", "0"));

    assertThatThrownBy(() -> task.put(List.of(record(0))))
        .isInstanceOf(RetriableException.class)
        .hasMessageContaining("endpoint: cannot reach MaxCompute at http://127.0.0.1:1/api")
        .hasMessageContaining("Connection refused");
    assertThat(task.preCommit(Map.of(TP, new OffsetAndMetadata(1)))).as("nothing is committed").isEmpty();
    task.stop();
  }

  @Test
  void anUnknownHostAtStartIsWaitedOutAndNamed() {
    MaxComputeSinkTask task = startedTask(props("endpoint", "http://no-such-host.invalid/api", "retry_times", "0"));

    assertThatThrownBy(() -> task.put(List.of(record(0))))
        .isInstanceOf(RetriableException.class)
        .hasMessageContaining("endpoint: cannot reach MaxCompute at http://no-such-host.invalid")
        .hasMessageContaining("UnknownHostException");
    task.stop();
  }

  @Test
  void aTaskStartedDuringAnOutageWritesOnceTheServiceIsBack(@TempDir Path data) throws Exception {
    LocalMaxCompute first = LocalMaxCompute.builder().port(0).dataDir(data).start();
    int port = first.port();
    String endpoint = first.endpoint();
    MaxComputeSql.on(first).execute("CREATE TABLE t(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING);");
    first.close();
    Map<String, String> props = props("retry_times", "0");
    props.put("endpoint", endpoint);
    props.put("access_id", first.accessId());
    props.put("access_key", first.accessKey());
    MaxComputeSinkTask task = startedTask(props);
    task.open(List.of(TP));
    assertThatThrownBy(() -> task.put(List.of(record(0)))).isInstanceOf(RetriableException.class);

    try (LocalMaxCompute again = LocalMaxCompute.builder().port(port).dataDir(data).start()) {
      TestUtils.waitForCondition(() -> {
        try {
          task.put(List.of(record(0)));
          return true;
        } catch (RetriableException e) {
          return false;
        }
      }, 30_000, 200, () -> "the task never opened the table again");
      assertThat(task.preCommit(Map.of(TP, new OffsetAndMetadata(1)))).containsEntry(TP, new OffsetAndMetadata(1));
      assertThat(MaxComputeSql.on(again).rows("SELECT value FROM t;")).extracting(r -> r.get("value"))
          .containsExactly("v0");
      task.stop();
    }
  }

  private static MaxComputeSinkTask startedTask(Map<String, String> props) {
    MaxComputeSinkTask task = new MaxComputeSinkTask();
    task.initialize(FakeSinkTaskContext.withoutReporter());
    long start = System.nanoTime();
    task.start(props);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to start").isLessThan(Duration.ofSeconds(15));
    return task;
  }

  private static SinkRecord record(long offset) {
    return new SinkRecord(TP.topic(), TP.partition(), null, "k" + offset, null, "v" + offset, offset);
  }

  @Test
  void anUntrustedCertificateIsAnEndpointProblemThatPointsAtTheTrustStore() {
    String https = LocalTrust.httpsEndpoint(MC.service());

    RuntimeException e = startFailure(props("endpoint", https), Duration.ofSeconds(5));

    assertThat(e).hasMessageStartingWith("Cannot start: endpoint: TLS with MaxCompute at " + https + " failed")
        .hasMessageContaining("PKIX path building failed")
        .hasMessageContaining("give it (or the CA) in ssl_truststore_location");
  }

  @Test
  void aMissingTrustStoreIsNamedOnItsLocation() {
    RuntimeException e = startFailure(props("ssl_truststore_location", "/no/such/trust.p12"), Duration.ofSeconds(5));

    assertThat(e).isInstanceOfSatisfying(UnusableTrustStoreException.class,
        u -> assertThat(u.configKey()).isEqualTo("ssl_truststore_location"))
        .hasMessageContaining("/no/such/trust.p12");
  }

  @Test
  void aWrongTrustStorePasswordIsNamedWithoutShowingIt() {
    RuntimeException e = startFailure(props("ssl_truststore_location", MC.service().trustStore().toString(),
        "ssl_truststore_password", WRONG_STORE_PASSWORD), Duration.ofSeconds(5));

    assertThat(e).isInstanceOfSatisfying(UnusableTrustStoreException.class,
        u -> assertThat(u.configKey()).isEqualTo("ssl_truststore_password"))
        .hasMessageContaining("wrong password");
  }
}
