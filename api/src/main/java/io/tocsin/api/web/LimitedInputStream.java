package io.tocsin.api.web;

import io.tocsin.api.error.PayloadTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails with {@link PayloadTooLargeException} once more than {@code limit}
 * bytes have been read: the raw body ({@link BodySizeLimitFilter}) or a decompressed one (the
 * ingest gzip filter). Non-blocking reads are delegated when the source is a servlet stream.
 */
public final class LimitedInputStream extends ServletInputStream {

  private final InputStream delegate;
  private final long limit;
  private long count;
  private boolean finished;

  public LimitedInputStream(InputStream delegate, long limit) {
    this.delegate = delegate;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = delegate.read();
    if (b < 0) {
      finished = true;
    } else {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = delegate.read(buffer, offset, length);
    if (n < 0) {
      finished = true;
    } else {
      add(n);
    }
    return n;
  }

  private void add(long n) throws PayloadTooLargeException {
    count += n;
    if (count > limit) {
      throw new PayloadTooLargeException(limit);
    }
  }

  @Override
  public boolean isFinished() {
    return delegate instanceof ServletInputStream servlet ? servlet.isFinished() : finished;
  }

  @Override
  public boolean isReady() {
    return !(delegate instanceof ServletInputStream servlet) || servlet.isReady();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    if (!(delegate instanceof ServletInputStream servlet)) {
      throw new UnsupportedOperationException("asynchronous reads of a transformed body");
    }
    servlet.setReadListener(listener);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
