package dev.mcsink.benchmarks;

import com.aliyun.odps.tunnel.io.CompressOption;

/**
 * How the record stream goes on the wire. The SDK's defaults differ by path:
 * {@code UploadSession.openRecordWriter(blockId)} sends it raw, while
 * {@code StreamUploadSession.newRecordPack()} deflates it (the tunnel configuration's default, zlib level 1).
 */
enum WireCompression {
  /** Each path's SDK default, as an application calling the one-argument methods gets. */
  sdk_default,
  raw,
  zlib;

  /** The option for a path whose SDK default is {@code pathDefault}. */
  CompressOption option(CompressOption pathDefault) {
    return switch (this) {
      case sdk_default -> pathDefault;
      case raw -> rawOption();
      case zlib -> new CompressOption();
    };
  }

  static CompressOption rawOption() {
    return new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);
  }

  /** A short label for the results: {@code raw} or {@code zlib-1}. */
  static String label(CompressOption option) {
    return switch (option.algorithm) {
      case ODPS_RAW -> "raw";
      case ODPS_ZLIB -> "zlib-" + option.level;
      default -> option.algorithm.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
