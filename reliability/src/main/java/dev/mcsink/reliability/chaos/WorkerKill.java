package dev.mcsink.reliability.chaos;

import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;

/** The Connect worker killed with SIGKILL mid-write and started again, several times. */
final class WorkerKill implements Scenario {
  private final int cycles;

  WorkerKill(int cycles) {
    this.cycles = cycles;
  }

  @Override
  public String name() {
    return "worker-kill";
  }

  @Override
  public String fault() {
    return "Connect worker SIGKILLed and restarted, " + cycles + " times";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    act(stack, length, null);
  }

  /**
   * Stops killing once a task of the target's connector has failed: the restart would start it
   * afresh and hide the failure from the check.
   */
  @Override
  public void act(ChaosStack stack, Duration length, Target target) throws Exception {
    Duration between = length.dividedBy(cycles);
    ConnectWorker worker = stack.worker();
    for (int i = 0; i < cycles; i++) {
      Thread.sleep(between.toMillis()); // the load runs between faults
      if (target != null && worker.failure(target.connector()) != null) {
        return;
      }
      worker.kill();
      worker.restart();
    }
  }
}
