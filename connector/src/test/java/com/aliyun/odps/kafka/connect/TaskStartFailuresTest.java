package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.kafka.connect.it.MaxComputeSql;
import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import com.aliyun.odps.kafka.connect.tls.UnusableTrustStoreException;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A task given wrong keys fails in {@code start()}, soon, saying which key to change (Connect puts
 * the exception in the task's status trace), and the trace holds no secret.
 */
class TaskStartFailuresTest {
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

  @Test
  void aRefusedConnectionIsAnEndpointProblemAfterTheConfiguredRetriesOnly() {
    RuntimeException e = startFailure(props("endpoint", "http://127.0.0.1:1/api", "retry_times", "2"),
        Duration.ofSeconds(15));

    assertThat(e).hasMessageStartingWith("Cannot start: endpoint: cannot reach MaxCompute at http://127.0.0.1:1/api")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void anUnknownHostIsAnEndpointProblem() {
    RuntimeException e = startFailure(props("endpoint", "http://no-such-host.invalid/api"), Duration.ofSeconds(15));

    assertThat(e)
        .hasMessageStartingWith("Cannot start: endpoint: cannot reach MaxCompute at http://no-such-host.invalid")
        .hasMessageContaining("UnknownHostException");
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
