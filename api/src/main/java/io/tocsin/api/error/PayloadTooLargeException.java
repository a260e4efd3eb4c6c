package io.tocsin.api.error;

import java.io.IOException;

/** The request body passed the configured limit while it was being read. */
public class PayloadTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  /** The instance in a cause chain (body readers wrap it), or null. */
  public static PayloadTooLargeException findIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException p) {
        return p;
      }
    }
    return null;
  }
}
