package dev.mcsink.reliability.chaos;

import java.time.Duration;

/** One fault, done to the stack while a steady load runs through a connector. */
interface Scenario {
  /** The name {@code bin/chaos --scenario} takes. */
  String name();

  /** What is done, in a few words, for the report. */
  String fault();

  default Workload workload() {
    return Workload.TEXT;
  }

  default ErrorRoute route() {
    return ErrorRoute.NONE;
  }

  /**
   * Whether the exactly-once configurations run it too: its fault can lose or repeat writes. Bad
   * records are the data's fault, not delivery's.
   */
  default boolean faultsDelivery() {
    return true;
  }

  /** Whether the task must fail on its own (bad records, no error route) and then be resumed. */
  default boolean expectsStop() {
    return false;
  }

  /**
   * Does the fault while the load runs, taking about {@code length}; returns when the stack is
   * whole again (every process up, every fault cleared).
   */
  void act(ChaosStack stack, Duration length) throws Exception;

  /** The connector a run goes through: its name, and how it writes. */
  record Target(String connector, Delivery delivery) {}

  /** {@link #act(ChaosStack, Duration)}, for a fault whose course depends on the connector it is done to. */
  default void act(ChaosStack stack, Duration length, Target target) throws Exception {
    act(stack, length);
  }
}
