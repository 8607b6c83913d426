package dev.mcsink.reliability.chaos;

import java.time.Duration;

/**
 * A workload of its own (not the plain text of {@link WorkerKill}) while the Connect worker is
 * SIGKILLed and restarted as in {@link WorkerKill}.
 */
abstract class KilledWorkload implements Scenario {
  private final String name;
  private final String load;
  private final Workload workload;
  private final WorkerKill kill;

  /** @param load what the load is, in a few words, for the report */
  KilledWorkload(String name, String load, Workload workload, int cycles) {
    this.name = name;
    this.load = load;
    this.workload = workload;
    this.kill = new WorkerKill(cycles);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String fault() {
    return load + "; " + kill.fault();
  }

  @Override
  public final Workload workload() {
    return workload;
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    kill.act(stack, length);
  }

  @Override
  public void act(ChaosStack stack, Duration length, Target target) throws Exception {
    kill.act(stack, length, target);
  }
}
