package dev.mcsink.benchmarks.pipeline;

import static dev.mcsink.benchmarks.pipeline.BenchUsage.usageError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSetListsTest {
  @Test
  void aFormatOrPartitionCountGivenTwiceIsAUsageErrorBeforeAnythingStarts() {
    assertThat(usageError("--format", "TEXT,CSV,text")).contains("--format TEXT is given twice");
    assertThat(usageError("--format", "JSON", "--partitions", "1,16,1")).contains("--partitions 1 is given twice");
  }
}
