package dev.mcsink.conformance.jdbc;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local MaxCompute (the project's extension) and one JDBC connection to it per test class, kept
 * open as a tool keeps its connection: opened once the service runs, closed before it stops.
 */
final class LocalMaxComputeJdbc implements BeforeAllCallback, AfterAllCallback {
  private final LocalMaxComputeExtension mc;
  private Connection connection;

  LocalMaxComputeJdbc() {
    this(b -> { });
  }

  LocalMaxComputeJdbc(Consumer<LocalMaxCompute.Builder> customizer) {
    this.mc = new LocalMaxComputeExtension(customizer);
  }

  LocalMaxCompute service() {
    return mc.service();
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException, SQLException {
    mc.beforeAll(context);
    connection = JdbcConnections.open(mc.service());
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    try {
      connection.close();
    } finally {
      mc.afterAll(context);
    }
  }
}
