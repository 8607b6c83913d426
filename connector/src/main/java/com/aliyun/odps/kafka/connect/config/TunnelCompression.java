package com.aliyun.odps.kafka.connect.config;

import com.aliyun.odps.tunnel.io.CompressOption;

/**
 * How rows are compressed on their way to the Tunnel (both write paths). ZLIB (level 1) is what the
 * SDK and the incumbent use; LZ4 and SNAPPY cost far less CPU on both ends for a somewhat larger
 * body, which pays when the worker's CPU, not the network, is the limit.
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
