package dev.mcsink.reliability.chaos;

import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;

/**
 * The Connect worker SIGKILLed while the local MaxCompute is down: whatever the task had staged or
 * was retrying is lost with it, and the restarted task starts against a service that refuses
 * connections until it comes back.
 */
final class MaxComputeOutageKill implements Scenario {
  /** About how long a restarted worker takes to start its tasks again (a rebalance, then the start). */
  private static final Duration TASK_START = Duration.ofSeconds(30);

  @Override
  public String name() {
    return "maxcompute-outage-kill";
  }

  @Override
  public String fault() {
    return "MaxCompute down; during the outage the Connect worker SIGKILLed and restarted, and its tasks"
        + " started; MaxCompute back";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    act(stack, length, new Target(null, Delivery.BATCH));
  }

  @Override
  public void act(ChaosStack stack, Duration length, Target target) throws Exception {
    Duration quarter = length.dividedBy(4);
    ConnectWorker worker = stack.worker();
    Thread.sleep(quarter.toMillis()); // a healthy start
    stack.stopMaxCompute();
    Thread.sleep(quarter.toMillis()); // writes fail and are retried
    worker.kill();
    worker.restart();
    Thread.sleep(quarter.toMillis()); // the outage goes on
    if (target.connector() != null) {
      awaitTaskStartDuringOutage(worker, target.connector());
    }
    stack.startMaxCompute();
    Thread.sleep(quarter.toMillis());
  }

  /**
   * Keeps the outage on until a restarted task has started against it: a task that fails at start
   * shows at once; one that waits the outage out shows nothing, hence the bound. Without this the
   * short form's outage could end before the tasks start, and the case would go untested.
   */
  private static void awaitTaskStartDuringOutage(ConnectWorker worker, String connector) throws InterruptedException {
    long deadline = System.nanoTime() + TASK_START.toNanos();
    while (worker.failure(connector) == null && System.nanoTime() < deadline) {
      Thread.sleep(200); // polling the connector's status
    }
  }
}
