package dev.mcsink.reliability.chaos;

import java.time.Duration;

/** The local MaxCompute stopped (connections refused) for a while and started again with its data. */
final class MaxComputeRestart implements Scenario {
  @Override
  public String name() {
    return "maxcompute-restart";
  }

  @Override
  public String fault() {
    return "MaxCompute down (connections refused) for a third of the run, then restarted";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    Duration third = length.dividedBy(3);
    Thread.sleep(third.toMillis()); // a healthy start
    stack.stopMaxCompute();
    Thread.sleep(third.toMillis()); // the outage
    stack.startMaxCompute();
    Thread.sleep(third.toMillis());
  }
}
