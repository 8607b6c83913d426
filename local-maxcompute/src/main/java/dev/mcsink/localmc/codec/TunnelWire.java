package dev.mcsink.localmc.codec;

import dev.mcsink.localmc.types.MaxComputeType;

/**
 * Constants of the tunnel record stream: a protobuf-like encoding where data column i (0-based) is
 * field i+1, each record ends with a CRC field and the stream ends with a count and a CRC of CRCs.
 * Values as in the SDK's {@code com.aliyun.odps.commons.proto.ProtoWireConstant}.
 */
final class TunnelWire {
  static final int WIRETYPE_VARINT = 0;
  static final int WIRETYPE_FIXED64 = 1;
  static final int WIRETYPE_LENGTH_DELIMITED = 2;
  static final int WIRETYPE_FIXED32 = 5;

  /** Ends a record; carries the record's CRC32C as uint32. 2^25 - 1024. */
  static final int END_RECORD = 33553408;
  /** First trailer field: the record count as sint64. 2^25 - 2. */
  static final int META_COUNT = 33554430;
  /** Second trailer field: CRC32C over the records' CRCs, as uint32. 2^25 - 1. */
  static final int META_CHECKSUM = 33554431;

  private TunnelWire() {}

  static int tag(int fieldNumber, int wireType) {
    return (fieldNumber << 3) | wireType;
  }

  /**
   * The wire type the SDK writes in a column's tag. Nested types and the seconds+nanos types say
   * "length-delimited" although no length follows: the payload is read by the schema, not the tag.
   */
  static int wireTypeOf(MaxComputeType type) {
    switch (type.kind()) {
      case BIGINT:
      case INT:
      case SMALLINT:
      case TINYINT:
      case BOOLEAN:
      case DATETIME:
      case DATE:
      case INTERVAL_YEAR_MONTH:
        return WIRETYPE_VARINT;
      case DOUBLE:
        return WIRETYPE_FIXED64;
      case FLOAT:
        return WIRETYPE_FIXED32;
      default:
        return WIRETYPE_LENGTH_DELIMITED;
    }
  }

  static String wireTypeName(int wireType) {
    switch (wireType) {
      case WIRETYPE_VARINT:
        return "varint";
      case WIRETYPE_FIXED64:
        return "fixed64";
      case WIRETYPE_LENGTH_DELIMITED:
        return "length-delimited";
      case WIRETYPE_FIXED32:
        return "fixed32";
      default:
        return "wire type " + wireType;
    }
  }
}
