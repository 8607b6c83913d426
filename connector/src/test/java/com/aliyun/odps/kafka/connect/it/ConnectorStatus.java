package com.aliyun.odps.kafka.connect.it;

import java.util.List;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;

/** A connector's state and its tasks' states and traces, for the message of a failed wait. */
final class ConnectorStatus {
  private ConnectorStatus() {
  }

  /** Waits for task 0 of {@code connector} to be FAILED and returns its trace. */
  static String awaitFailedTask(EmbeddedConnectCluster connect, String connector, long timeoutMs)
      throws InterruptedException {
    String[] trace = {null};
    TestUtils.waitForCondition(() -> {
      List<ConnectorStateInfo.TaskState> tasks = connect.connectorStatus(connector).tasks();
      if (tasks.isEmpty() || !"FAILED".equals(tasks.get(0).state())) {
        return false;
      }
      trace[0] = tasks.get(0).trace();
      return true;
    }, timeoutMs, 250, () -> "task 0 did not fail: " + describe(connect, connector));
    return trace[0];
  }

  static String describe(EmbeddedConnectCluster connect, String connector) {
    try {
      ConnectorStateInfo info = connect.connectorStatus(connector);
      StringBuilder b = new StringBuilder("connector ").append(connector).append(' ')
          .append(info.connector().state());
      if (info.connector().trace() != null) {
        b.append(" (").append(info.connector().trace()).append(')');
      }
      for (ConnectorStateInfo.TaskState task : info.tasks()) {
        b.append("; task ").append(task.id()).append(' ').append(task.state());
        if (task.trace() != null) {
          b.append(" (").append(task.trace()).append(')');
        }
      }
      return b.toString();
    } catch (RuntimeException e) {
      return "connector " + connector + ": no status (" + e.getMessage() + ")";
    }
  }
}
