package dev.mcsink.conformance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting as a JDBC tool does: the driver found by its URL, the local keys as user and password. */
class ConnectTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @Test
  void theDriverManagerFindsAlibabasDriverForTheUrl() throws Exception {
    Driver driver = DriverManager.getDriver(JdbcConnections.url(MC.service(), "project_name"));

    assertThat(driver.getClass().getName()).isEqualTo("com.aliyun.odps.jdbc.OdpsDriver");
  }

  @Test
  void connectsWithTheLocalKeysToTheDefaultProject() throws Exception {
    try (Connection c = JdbcConnections.open(MC.service())) {
      assertThat(c.isClosed()).isFalse();
      // two tiers (the tenant says so): the project is the schema, there is no catalog
      assertThat(c.getSchema()).isEqualTo(MC.service().projects().get(0));
      assertThat(c.getCatalog()).isNull();
      DatabaseMetaData meta = c.getMetaData();
      assertThat(meta.getDriverVersion()).isEqualTo("3.4.2");
      assertThat(meta.getURL()).isEqualTo(MC.service().endpoint());
    }
  }

  @Test
  void theKeysCanBeInTheUrlAndTheHostCanBeLocalhost() throws Exception {
    LocalMaxCompute mc = MC.service();
    String url = "jdbc:odps:http://localhost:" + mc.port() + "/api?project=project_name&accessId=" + mc.accessId()
        + "&accessKey=" + mc.accessKey();

    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(JdbcConnections.column(c, "SELECT 1")).containsExactly(1);
    }
  }

  /** The service has no interactive (MCQA) sessions; the driver falls back to offline SQL by itself. */
  @Test
  void interactiveModeFallsBackToOfflineSql() throws Exception {
    LocalMaxCompute mc = MC.service();
    String url = JdbcConnections.url(mc, "project_name") + "&interactiveMode=true";

    try (Connection c = DriverManager.getConnection(url, mc.accessId(), mc.accessKey())) {
      assertThat(JdbcConnections.column(c, "SELECT 'still works'")).containsExactly("still works");
    }
  }

  @Test
  void theSdkIsTheOneInsideTheDriverJar() throws Exception {
    try (Connection c = JdbcConnections.open(MC.service())) {
      // the jar-with-dependencies bundles odps-sdk-core 0.43.3; no other SDK copy is on the class path
      assertThat(c.getMetaData().getDatabaseProductVersion()).isEqualTo("0.43.3-public");
      String sdkJar = String.valueOf(Class.forName("com.aliyun.odps.Odps").getProtectionDomain().getCodeSource().getLocation());
      assertThat(sdkJar).contains("odps-jdbc-3.4.2-jar-with-dependencies");
    }
  }

  /**
   * The driver lets the SDK's unchecked ReloadException out of getConnection (it catches only
   * OdpsException around the project load), so a tool shows that exception, with the service's message.
   */
  @Test
  void aWrongSecretIsRefusedWithTheServicesMessage() {
    LocalMaxCompute mc = MC.service();

    assertThatThrownBy(() -> DriverManager.getConnection(JdbcConnections.url(mc, "project_name"), mc.accessId(), "wrong"))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("ODPS-0410042")
        .hasMessageContaining("signature");
  }

  @Test
  void anUnknownProjectIsRefusedWithTheServicesMessage() {
    LocalMaxCompute mc = MC.service();

    assertThatThrownBy(() -> DriverManager.getConnection(JdbcConnections.url(mc, "no_such_project"), mc.accessId(), mc.accessKey()))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("Project not found - 'no_such_project'");
  }
}
