package dev.mcsink.reliability.chaos;

/**
 * Upserts and deletes over a bounded key space while the Connect worker is SIGKILLed and restarted
 * (as {@link WorkerKill}): a replay after a kill re-applies changes, which must leave every key with
 * its last value, and every key deleted last absent.
 */
final class UpsertKill extends KilledWorkload {
  UpsertKill(int cycles) {
    super("upsert-kill", "upserts and deletes over " + KeyedUpserts.KEYS + " keys", Workload.KEYED_UPSERTS, cycles);
  }
}
