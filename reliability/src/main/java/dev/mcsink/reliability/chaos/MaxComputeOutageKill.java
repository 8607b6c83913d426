package dev.mcsink.reliability.chaos;

import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;

/**
 * The Connect worker SIGKILLed while the local MaxCompute is down: whatever the task had staged or
 * was retrying is lost with it, and the restarted task starts against a service that refuses
 * connections until it comes back.
 */
final class MaxComputeOutageKill implements Scenario {
  @Override
  public String name() {
    return "maxcompute-outage-kill";
  }

  @Override
  public String fault() {
    return "MaxCompute down; during the outage the Connect worker SIGKILLed and restarted; MaxCompute back";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    Duration quarter = length.dividedBy(4);
    ConnectWorker worker = stack.worker();
    Thread.sleep(quarter.toMillis()); // a healthy start
    stack.stopMaxCompute();
    Thread.sleep(quarter.toMillis()); // writes fail and are retried
    worker.kill();
    worker.restart();
    Thread.sleep(quarter.toMillis()); // the restarted task meets the outage
    stack.startMaxCompute();
    Thread.sleep(quarter.toMillis());
  }
}
