package dev.mcsink.reliability.delivery;

import java.util.List;

/**
 * What became of one Kafka partition's records. Every expected offset is counted once, in exactly
 * one of landed, routedToErrors and missing, so {@code expected = landed + routedToErrors + missing}.
 *
 * @param expected       records in the partition when the check started
 * @param landed         expected offsets with at least one row in the table
 * @param duplicated     rows beyond the first for a landed offset
 * @param routedToErrors expected offsets not in the table but in an error topic
 * @param missing        expected offsets neither in the table nor in an error topic
 * @param unexpected     rows of this partition whose offset is not an expected one (below the log
 *                       start, or a gap such as a transaction marker)
 * @param firstMissing   the first few missing offsets, as ranges, for looking them up
 */
public record PartitionDelivery(int partition, long expected, long landed, long duplicated,
    long routedToErrors, long missing, long unexpected, List<OffsetRange> firstMissing) {
  public PartitionDelivery {
    firstMissing = List.copyOf(firstMissing);
  }
}
