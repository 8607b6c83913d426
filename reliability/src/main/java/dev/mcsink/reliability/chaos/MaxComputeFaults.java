package dev.mcsink.reliability.chaos;

import dev.mcsink.localmc.faults.Faults;
import java.time.Duration;

/**
 * The local MaxCompute misbehaving on every request for a while, one way after the other:
 * 503, 429, answers delayed by 3 s, connections dropped in the middle of the body.
 */
final class MaxComputeFaults implements Scenario {
  private static final Duration LATENCY = Duration.ofSeconds(3);

  @Override
  public String name() {
    return "maxcompute-faults";
  }

  @Override
  public String fault() {
    return "MaxCompute answers 503, then 429, then 3 s late, then drops connections mid-body";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    Duration each = length.dividedBy(5);
    Faults faults = stack.maxCompute().faults();
    Thread.sleep(each.toMillis()); // a healthy start
    faults.fail("*", 503, Faults.FOREVER);
    Thread.sleep(each.toMillis()); // the fault lasts this long
    faults.clear();
    faults.fail("*", 429, Faults.FOREVER);
    Thread.sleep(each.toMillis());
    faults.clear();
    faults.delay("*", LATENCY, Faults.FOREVER);
    Thread.sleep(each.toMillis());
    faults.clear();
    faults.drop("*", Faults.FOREVER);
    Thread.sleep(each.toMillis());
    faults.clear();
  }
}
