package com.aliyun.odps.kafka.connect.config;

import com.aliyun.odps.tunnel.io.CompressOption;

/**
 * How rows are compressed on their way to the Tunnel (both write paths). SNAPPY by default: snappy-java
 * compresses natively at a fraction of ZLIB's CPU (measured: worker CPU per record about halved, see
 * docs/benchmarks.md), for a somewhat larger body. ZLIB level 1 is what the SDK and the incumbent use;
 * the SDK's LZ4 frame writer uses the pure-Java compressor, slower than SNAPPY here.
 */
public enum TunnelCompression {
  ZLIB(CompressOption.CompressAlgorithm.ODPS_ZLIB),
  LZ4(CompressOption.CompressAlgorithm.ODPS_LZ4_FRAME),
  SNAPPY(CompressOption.CompressAlgorithm.ODPS_SNAPPY),
  ZSTD(CompressOption.CompressAlgorithm.ODPS_ZSTD),
  NONE(CompressOption.CompressAlgorithm.ODPS_RAW);

  private final CompressOption.CompressAlgorithm algorithm;

  TunnelCompression(CompressOption.CompressAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  /** A fresh option each time: the SDK's CompressOption is mutable. */
  public CompressOption option() {
    return new CompressOption(algorithm, 1, 0);
  }
}
