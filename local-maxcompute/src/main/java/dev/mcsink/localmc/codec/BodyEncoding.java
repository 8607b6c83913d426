package dev.mcsink.localmc.codec;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.xerial.snappy.SnappyFramedInputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * The Content-Encoding of tunnel bodies, with the exact values the SDK sends in Content-Encoding
 * (uploads) and Accept-Encoding (downloads), and compares with {@code equals} on the response:
 * {@code deflate} (zlib stream, RFC 1950, what java.util.zip.Deflater writes by default),
 * {@code x-snappy-framed} (Snappy framing format) and {@code x-lz4-frame} (LZ4 frame format).
 * {@code zstd} (Zstandard frames, the SDK's CompressOption ODPS_ZSTD). {@code x-odps-lz4-frame}
 * (Arrow) is not supported. Absent, empty or {@code identity} means no compression.
 */
public final class BodyEncoding {
  public static final String DEFLATE = "deflate";
  public static final String SNAPPY_FRAMED = "x-snappy-framed";
  public static final String LZ4_FRAME = "x-lz4-frame";
  public static final String ZSTD = "zstd";
  /** The SDK's default CompressOption uses zlib level 1. */
  private static final int DEFLATE_LEVEL = 1;

  private BodyEncoding() {}

  /** True when the value names no compression or one we can decode and encode. */
  public static boolean isSupported(String contentEncoding) {
    String e = normalize(contentEncoding);
    return e == null || e.equals(DEFLATE) || e.equals(SNAPPY_FRAMED) || e.equals(LZ4_FRAME) || e.equals(ZSTD);
  }

  /**
   * The Content-Encoding to answer a download with, from the request's Accept-Encoding (the SDK sends
   * one value): the supported one, or null for an uncompressed body, which the SDK always accepts.
   */
  public static String negotiate(String acceptEncoding) {
    if (acceptEncoding == null) {
      return null;
    }
    for (String candidate : acceptEncoding.split(",")) {
      String e = normalize(candidate.split(";")[0]);
      if (e != null && isSupported(e)) {
        return e;
      }
    }
    return null;
  }

  private static String normalize(String contentEncoding) {
    if (contentEncoding == null) {
      return null;
    }
    String e = contentEncoding.trim().toLowerCase(Locale.ROOT);
    return e.isEmpty() || e.equals("identity") ? null : e;
  }

  /**
   * The decompressed body. A corrupt or truncated compressed body fails on read with
   * {@link RecordStreamException}; failures of {@code in} itself stay IOExceptions.
   *
   * @throws RecordStreamException for an unsupported encoding
   */
  public static InputStream decoding(InputStream in, String contentEncoding) {
    String e = normalize(contentEncoding);
    if (e == null) {
      return in;
    }
    SourceFailureTracker source = new SourceFailureTracker(in);
    switch (e) {
      case DEFLATE:
        return new DecompressedBody(e, source, () -> new InflatingStream(source));
      case SNAPPY_FRAMED:
        return new DecompressedBody(e, source, () -> new SnappyFramedInputStream(source));
      case LZ4_FRAME:
        return new DecompressedBody(e, source, () -> new LZ4FrameInputStream(source));
      case ZSTD:
        return new DecompressedBody(e, source, () -> new ZstdInputStream(source));
      default:
        throw new RecordStreamException("unsupported Content-Encoding '" + contentEncoding
            + "' (supported: deflate, x-snappy-framed, x-lz4-frame, zstd)");
    }
  }

  /**
   * A stream that compresses into {@code out}; closing it writes the compressed end and closes
   * {@code out}. Returns {@code out} itself for no compression.
   *
   * @throws IllegalArgumentException for an unsupported encoding (see {@link #negotiate})
   */
  public static OutputStream encoding(OutputStream out, String contentEncoding) {
    String e = normalize(contentEncoding);
    if (e == null) {
      return out;
    }
    try {
      switch (e) {
        case DEFLATE:
          return new DeflatingStream(out);
        case SNAPPY_FRAMED:
          return new SnappyFramedOutputStream(out);
        case LZ4_FRAME:
          return new LZ4FrameOutputStream(out);
        case ZSTD:
          return new ZstdOutputStream(out);
        default:
          throw new IllegalArgumentException("unsupported Content-Encoding '" + contentEncoding + "'");
      }
    } catch (IOException ex) {
      // the frame headers are written lazily or into memory; an error here is a failing sink
      throw new java.io.UncheckedIOException(ex);
    }
  }

  /** DeflaterOutputStream that releases its own Deflater on close. */
  private static final class DeflatingStream extends DeflaterOutputStream {
    DeflatingStream(OutputStream out) {
      super(out, new Deflater(DEFLATE_LEVEL), 8192);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        def.end();
      }
    }
  }

  /**
   * InflaterInputStream with a 64 KiB input buffer (the default 512 bytes means one inflate call per
   * ~1.5 KB of output) that releases its own Inflater on close.
   */
  private static final class InflatingStream extends InflaterInputStream {
    private static final int INPUT_BUFFER_BYTES = 64 * 1024;

    InflatingStream(InputStream in) {
      super(in, new Inflater(), INPUT_BUFFER_BYTES);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        inf.end();
      }
    }
  }

  /** Remembers whether the raw body itself failed, to tell a broken connection from a corrupt body. */
  private static final class SourceFailureTracker extends FilterInputStream {
    private boolean failed;

    SourceFailureTracker(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }

  private interface DecompressorFactory {
    InputStream open() throws IOException;
  }

  /**
   * Opens the decompressor on first read (the Snappy and LZ4 streams read their header in the
   * constructor) and turns its complaints about the data into RecordStreamException.
   */
  private static final class DecompressedBody extends InputStream {
    private final String encoding;
    private final SourceFailureTracker source;
    private final DecompressorFactory factory;
    private InputStream decompressor;

    DecompressedBody(String encoding, SourceFailureTracker source, DecompressorFactory factory) {
      this.encoding = encoding;
      this.source = source;
      this.factory = factory;
    }

    private InputStream decompressor() throws IOException {
      if (decompressor == null) {
        try {
          decompressor = factory.open();
        } catch (IOException | RuntimeException e) {
          throw translate(e);
        }
      }
      return decompressor;
    }

    @Override
    public int read() throws IOException {
      InputStream d = decompressor();
      try {
        return d.read();
      } catch (IOException | RuntimeException e) {
        throw translate(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      InputStream d = decompressor();
      try {
        return d.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw translate(e);
      }
    }

    private IOException translate(Exception e) {
      if (e instanceof RecordStreamException rse) {
        throw rse;
      }
      if (source.failed && e instanceof IOException io) {
        return io;
      }
      // EOF before the compressed end, a bad checksum, a bad block: the client sent a broken body
      throw new RecordStreamException("corrupt or truncated " + encoding + " body: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
      if (decompressor != null) {
        decompressor.close();
      } else {
        source.close();
      }
    }
  }
}
