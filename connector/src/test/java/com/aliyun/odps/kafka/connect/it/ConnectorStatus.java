package com.aliyun.odps.kafka.connect.it;

import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** A connector's state and its tasks' states and traces, for the message of a failed wait. */
final class ConnectorStatus {
  private ConnectorStatus() {
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
