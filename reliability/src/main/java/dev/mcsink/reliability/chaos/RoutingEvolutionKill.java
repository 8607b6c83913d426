package dev.mcsink.reliability.chaos;

/**
 * One connector (tasks.max 2) routing three topics to three tables it creates itself, whose records
 * gain a field halfway through ({@link Workload#ROUTED_EVOLVING}), while the worker is SIGKILLed and
 * restarted as in {@link WorkerKill}: each table is altered (auto.evolve) while the worker is being
 * killed, and a replay must neither lose a record nor drop the added field.
 */
final class RoutingEvolutionKill extends KilledWorkload {
  RoutingEvolutionKill(int cycles) {
    super("routing-evolution", "3 topics into 3 created tables, field '" + EvolvingRecords.ADDED_FIELD
        + "' added halfway", Workload.ROUTED_EVOLVING, cycles);
  }
}
