package com.aliyun.odps.kafka.connect.wire;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * The largest chunk {@link EncodedRows} allocates. Buffered rows live until their write, across
 * young collections: under G1 an array of exactly one heap region is a humongous object, placed
 * outside the young generation and never copied, and freed at the next collection once its write is
 * done; so chunks are made that size. Elsewhere (another collector, or no answer), 256 KB.
 */
final class ChunkSize {
  static final int FALLBACK = 256 * 1024;
  /** An array's header: the region holds the header and the bytes. */
  private static final int ARRAY_HEADER = 16;
  private static final int MAX_REGION = 32 * 1024 * 1024;

  private ChunkSize() {
  }

  static int largest() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null || !Boolean.parseBoolean(value(vm, "UseG1GC"))) {
        return FALLBACK;
      }
      long region = Long.parseLong(value(vm, "G1HeapRegionSize"));
      return region > ARRAY_HEADER && region <= MAX_REGION ? (int) region - ARRAY_HEADER : FALLBACK;
    } catch (RuntimeException | LinkageError unknown) {
      return FALLBACK;
    }
  }

  private static String value(HotSpotDiagnosticMXBean vm, String option) {
    VMOption vmOption = vm.getVMOption(option);
    return vmOption.getValue();
  }
}
