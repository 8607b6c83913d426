package dev.mcsink.reliability.chaos;

import java.time.Duration;

/**
 * Upserts and deletes over a bounded key space while the Connect worker is SIGKILLed and restarted
 * (as {@link WorkerKill}): a replay after a kill re-applies changes, which must leave every key with
 * its last value, and every key deleted last absent.
 */
final class UpsertKill implements Scenario {
  private final WorkerKill kill;

  UpsertKill(int cycles) {
    this.kill = new WorkerKill(cycles);
  }

  @Override
  public String name() {
    return "upsert-kill";
  }

  @Override
  public String fault() {
    return "upserts and deletes over " + KeyedUpserts.KEYS + " keys; " + kill.fault();
  }

  @Override
  public Workload workload() {
    return Workload.KEYED_UPSERTS;
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    kill.act(stack, length);
  }
}
