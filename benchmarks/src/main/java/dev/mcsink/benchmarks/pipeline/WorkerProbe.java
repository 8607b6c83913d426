package dev.mcsink.benchmarks.pipeline;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads a worker JVM's CPU time and heap over JMX, and its resident memory from /proc.
 *
 * <p>Two heap figures: heap used (what a sample sees, young garbage included, so it mostly shows how
 * G1 sizes the young generation) and live heap (heap used right after the latest collection, which is
 * what the process really holds: buffers, caches, fetched records).
 */
final class WorkerProbe implements AutoCloseable {
  private final long pid;
  private final JMXConnector connector;
  private final OperatingSystemMXBean os;
  private final MemoryMXBean memory;
  private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
  private final Set<String> heapPools = new HashSet<>();

  WorkerProbe(long pid, int jmxPort) throws IOException, javax.management.JMException {
    this.pid = pid;
    this.connector = JMXConnectorFactory.connect(
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
    MBeanServerConnection server = connector.getMBeanServerConnection();
    this.os = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
        OperatingSystemMXBean.class);
    this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
        MemoryMXBean.class);
    for (ObjectName name : server.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
      collectors.add(ManagementFactory.newPlatformMXBeanProxy(server, name.toString(), GarbageCollectorMXBean.class));
    }
    for (ObjectName name : server.queryNames(new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
      MemoryPoolMXBean pool = ManagementFactory.newPlatformMXBeanProxy(server, name.toString(), MemoryPoolMXBean.class);
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
  }

  long cpuNanos() {
    return os.getProcessCpuTime();
  }

  long heapUsedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Heap used after the most recent collection of any collector; -1 before the first one. */
  long liveHeapBytes() {
    long latestEnd = -1;
    long live = -1;
    for (GarbageCollectorMXBean collector : collectors) {
      GcInfo info = collector.getLastGcInfo();
      if (info != null && info.getEndTime() > latestEnd) {
        latestEnd = info.getEndTime();
        live = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageAfterGc().entrySet()) {
          if (heapPools.contains(pool.getKey())) {
            live += pool.getValue().getUsed();
          }
        }
      }
    }
    return live;
  }

  /**
   * Forces a full collection ({@code java.lang:type=Memory} operation {@code gc}, System.gc() in the
   * worker) and returns the heap used right after it: what the worker really holds, independent of
   * when G1 last collected. The operation returns once the collection is over.
   */
  long heapAfterFullGcBytes() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Collections so far, all collectors together. */
  long collections() {
    long count = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      count += Math.max(0, collector.getCollectionCount());
    }
    return count;
  }

  /** Peak resident set size of the process (VmHWM), bytes; -1 where /proc is not there. */
  long peakRssBytes() {
    long kb = procStatusKb("VmHWM:");
    return kb < 0 ? -1 : kb * 1024;
  }

  private long procStatusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
