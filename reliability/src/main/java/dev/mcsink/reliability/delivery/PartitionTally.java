package dev.mcsink.reliability.delivery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The offsets of one Kafka partition as they are found: in the topic (expected), in the table
 * (landed) and in error topics (routed). Offsets are kept as bits relative to the partition's
 * first offset, so ten million records cost about 1.2 MB per set; the topic's records are not
 * contiguous (transaction markers, compaction), hence a set rather than a range.
 *
 * <p>Only offsets below {@code endOffset}, the partition's end when the check started, are
 * considered: rows and error records of records produced later are left out, not reported.
 */
final class PartitionTally {
  private final int partition;
  private final long firstOffset;
  private final long endOffset;
  private final boolean inTopic;
  private final BitSet expected = new BitSet();
  private final BitSet landed = new BitSet();
  private final BitSet routed = new BitSet();
  private long landedRows;
  private long unexpectedRows;

  PartitionTally(int partition, long firstOffset, long endOffset) {
    this(partition, firstOffset, endOffset, true);
  }

  private PartitionTally(int partition, long firstOffset, long endOffset, boolean inTopic) {
    if (endOffset - firstOffset > Integer.MAX_VALUE) {
      throw new DeliveryCheckException("partition " + partition + " spans " + (endOffset - firstOffset)
          + " offsets; at most " + Integer.MAX_VALUE + " can be checked");
    }
    this.partition = partition;
    this.firstOffset = firstOffset;
    this.endOffset = endOffset;
    this.inTopic = inTopic;
  }

  /** A partition of the table that the topic does not have: every row of it is unexpected. */
  static PartitionTally unknownToTheTopic(int partition) {
    return new PartitionTally(partition, 0, 0, false);
  }

  void expect(long offset) {
    if (inRange(offset)) {
      expected.set(bit(offset));
    }
  }

  void landed(long offset) {
    if (inTopic && offset >= endOffset) {
      return;
    }
    if (isExpected(offset)) {
      landed.set(bit(offset));
      landedRows++;
    } else {
      unexpectedRows++;
    }
  }

  void routed(long offset) {
    if (isExpected(offset)) {
      routed.set(bit(offset));
    }
  }

  PartitionDelivery delivery(int missingRangesShown) {
    BitSet missing = (BitSet) expected.clone();
    missing.andNot(landed);
    BitSet routedOnly = (BitSet) routed.clone();
    routedOnly.andNot(landed);
    missing.andNot(routedOnly);
    long distinctLanded = landed.cardinality();
    return new PartitionDelivery(partition, expected.cardinality(), distinctLanded, landedRows - distinctLanded,
        routedOnly.cardinality(), missing.cardinality(), unexpectedRows, ranges(missing, missingRangesShown));
  }

  private List<OffsetRange> ranges(BitSet bits, int limit) {
    List<OffsetRange> ranges = new ArrayList<>();
    for (int start = bits.nextSetBit(0); start >= 0 && ranges.size() < limit;
        start = bits.nextSetBit(bits.nextClearBit(start))) {
      int end = bits.nextClearBit(start);
      ranges.add(new OffsetRange(firstOffset + start, firstOffset + end - 1));
    }
    return ranges;
  }

  private boolean isExpected(long offset) {
    return inRange(offset) && expected.get(bit(offset));
  }

  private boolean inRange(long offset) {
    return offset >= firstOffset && offset < endOffset;
  }

  private int bit(long offset) {
    return (int) (offset - firstOffset);
  }
}
