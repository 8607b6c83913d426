package dev.mcsink.reliability.chaos;

import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.faults.RouteNames;
import java.time.Duration;
import java.util.List;

/**
 * The local MaxCompute misbehaving on every request for a while, one way after the other:
 * 503, 429, answers delayed by 3 s, connections dropped in the middle of the body; then commits
 * that succeed but whose answers are lost, which the connector cannot tell from a failed commit.
 */
final class MaxComputeFaults implements Scenario {
  private static final Duration LATENCY = Duration.ofSeconds(3);
  private static final Duration COMMIT_WAIT = Duration.ofMinutes(1);

  @Override
  public String name() {
    return "maxcompute-faults";
  }

  @Override
  public String fault() {
    return "MaxCompute answers 503, then 429, then 3 s late, then drops connections mid-body, then loses the"
        + " answers of the commits it makes";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    act(stack, length, new Target(null, Delivery.BATCH));
  }

  @Override
  public void act(ChaosStack stack, Duration length, Target target) throws Exception {
    Duration each = length.dividedBy(6);
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
    // A commit route has no request body, so the commit is made and then its answer dropped.
    List<Faults.Rule> lostAnswers = List.of(faults.drop(RouteNames.UPLOAD_COMMIT, Faults.FOREVER),
        faults.drop(RouteNames.UPSERT_COMMIT, Faults.FOREVER));
    Thread.sleep(each.toMillis());
    if (!target.delivery().streaming()) {
      // The batch path commits at its own pace: the phase lasts until a commit has been made and not answered.
      awaitApplied(lostAnswers);
    }
    faults.clear();
  }

  private static void awaitApplied(List<Faults.Rule> rules) throws InterruptedException {
    long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
    while (rules.stream().allMatch(r -> r.applied() == 0)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no commit was made within " + COMMIT_WAIT + " of losing commit answers");
      }
      Thread.sleep(100); // polling the fault's count
    }
  }
}
