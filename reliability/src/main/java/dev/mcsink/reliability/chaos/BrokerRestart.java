package dev.mcsink.reliability.chaos;

import java.time.Duration;

/** The Kafka broker (the only one) restarted: producer, consumer and offset commits all fail meanwhile. */
final class BrokerRestart implements Scenario {
  private final int cycles;

  BrokerRestart(int cycles) {
    this.cycles = cycles;
  }

  @Override
  public String name() {
    return "broker-restart";
  }

  @Override
  public String fault() {
    return "Kafka broker restarted, " + cycles + " times";
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws Exception {
    Duration between = length.dividedBy(cycles);
    for (int i = 0; i < cycles; i++) {
      Thread.sleep(between.toMillis()); // the load runs between faults
      stack.broker().restart();
    }
  }
}
