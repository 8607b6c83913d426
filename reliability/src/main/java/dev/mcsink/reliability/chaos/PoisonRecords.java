package dev.mcsink.reliability.chaos;

import java.time.Duration;

/**
 * Bad records of every kind ({@link PoisonMessages}) mixed into the load; the fault is the data
 * itself. With no error route the task must stop, clearly, at the first bad record.
 */
final class PoisonRecords implements Scenario {
  private final ErrorRoute route;
  private final Workload workload;

  /** FLATTEN records, which have the most kinds of bad record, with this route. */
  PoisonRecords(ErrorRoute route) {
    this(route, Workload.POISONED_FLATTEN);
  }

  PoisonRecords(ErrorRoute route, Workload workload) {
    this.route = route;
    this.workload = workload;
  }

  @Override
  public String name() {
    if (workload == Workload.POISONED_CSV) {
      return "poison-csv";
    }
    switch (route) {
      case ERROR_TOPIC:
        return "poison-error-topic";
      case DEAD_LETTER_QUEUE:
        return "poison-dlq";
      default:
        return "poison-stop";
    }
  }

  @Override
  public String fault() {
    if (workload == Workload.POISONED_CSV) {
      return "bad CSV lines of every kind, routed to the connector's error topic";
    }
    switch (route) {
      case ERROR_TOPIC:
        return "bad records of every kind, routed to the connector's error topic";
      case DEAD_LETTER_QUEUE:
        return "bad records of every kind, routed to Connect's dead-letter queue";
      default:
        return "bad records with no route: the task must fail; then an error topic is configured and it resumes";
    }
  }

  @Override
  public Workload workload() {
    return workload;
  }

  @Override
  public ErrorRoute route() {
    return route;
  }

  @Override
  public boolean faultsDelivery() {
    return false;
  }

  @Override
  public boolean expectsStop() {
    return route == ErrorRoute.NONE;
  }

  @Override
  public void act(ChaosStack stack, Duration length) throws InterruptedException {
    Thread.sleep(length.toMillis()); // the load itself carries the fault
  }
}
