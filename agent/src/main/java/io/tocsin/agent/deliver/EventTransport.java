package io.tocsin.agent.deliver;

/** Sends one gzipped batch; never throws for transport problems (they are a RETRY outcome). */
@FunctionalInterface
public interface EventTransport {

  /**
   * How one attempt ended.
   *
   * @param detail the status and the start of the body, for logs
   * @param body the whole response body ("" for transport errors), read for per-event rejections
   */
  record Outcome(Kind kind, int status, String detail, String body) {

    /** Whether the batch is done, worth retrying, refused by the key, or refused for good. */
    public enum Kind {
      OK,
      RETRY,
      /** 401/403: the key is wrong or revoked; kept and retried like an outage, never dropped. */
      AUTH,
      REJECT
    }

    public Outcome(Kind kind, int status, String detail) {
      this(kind, status, detail, "");
    }

    /**
     * 2xx is OK; 408, 429 and 5xx are retried; 401 and 403 are AUTH; any other status is a
     * rejection (of the events the body names, or of the batch).
     */
    public static Outcome of(int status, String body) {
      Kind kind;
      if (status >= 200 && status < 300) {
        kind = Kind.OK;
      } else if (status == 408 || status == 429 || status >= 500) {
        kind = Kind.RETRY;
      } else if (status == 401 || status == 403) {
        kind = Kind.AUTH;
      } else {
        kind = Kind.REJECT;
      }
      String full = body == null ? "" : body;
      String detail = full.length() > 300 ? full.substring(0, 300) : full;
      return new Outcome(kind, status, detail, full);
    }
  }

  Outcome send(byte[] gzippedJson, int count) throws InterruptedException;
}
