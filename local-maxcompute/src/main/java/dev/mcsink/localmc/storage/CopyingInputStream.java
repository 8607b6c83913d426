package dev.mcsink.localmc.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies every byte read to a sink, so a block is kept exactly as it was checked, in the same pass.
 * A failure of the sink is the service's, not the body's: it is thrown unchecked, so that a reader
 * reporting I/O errors of the body as a bad request does not take it for one.
 */
final class CopyingInputStream extends FilterInputStream {
  private final OutputStream sink;

  CopyingInputStream(InputStream in, OutputStream sink) {
    super(in);
    this.sink = sink;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      copy(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      copy(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skip is not supported: every byte must be copied");
  }

  private void copy(byte[] buffer, int offset, int length) {
    try {
      sink.write(buffer, offset, length);
    } catch (IOException e) {
      throw new SinkFailure(e);
    }
  }

  /** The sink could not be written. */
  static final class SinkFailure extends RuntimeException {
    SinkFailure(IOException cause) {
      super("Cannot keep the block: " + cause.getMessage(), cause);
    }
  }
}
