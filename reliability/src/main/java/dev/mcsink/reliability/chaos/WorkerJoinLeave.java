package dev.mcsink.reliability.chaos;

import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;

/** A second worker joins the Connect cluster and leaves it again (two rebalances per cycle). */
final class WorkerJoinLeave implements Scenario {
  private final int cycles;

  WorkerJoinLeave(int cycles) {
    this.cycles = cycles;
  }

  @Override
  public String name() {
    return "worker-join-leave";
  }

  @Override
  public String fault() {
    return "a second worker joins and leaves, " + cycles + " times";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    Duration step = length.dividedBy(2L * cycles);
    for (int i = 0; i < cycles; i++) {
      ConnectWorker second = stack.addWorker();
      Thread.sleep(step.toMillis()); // tasks run on both workers for a while
      stack.removeWorker(second);
      Thread.sleep(step.toMillis());
    }
  }
}
