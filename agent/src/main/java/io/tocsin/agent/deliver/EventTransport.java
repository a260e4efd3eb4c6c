package io.tocsin.agent.deliver;

/** Sends one gzipped batch; never throws for transport problems (they are a RETRY outcome). */
@FunctionalInterface
public interface EventTransport {

  /** How one attempt ended. */
  record Outcome(Kind kind, int status, String detail) {

    /** Whether the batch is done, worth retrying, or refused for good. */
    public enum Kind {
      OK,
      RETRY,
      REJECT
    }

    /** 2xx is OK; 408, 429 and 5xx are retried; any other status is a rejection. */
    public static Outcome of(int status, String body) {
      Kind kind;
      if (status >= 200 && status < 300) {
        kind = Kind.OK;
      } else if (status == 408 || status == 429 || status >= 500) {
        kind = Kind.RETRY;
      } else {
        kind = Kind.REJECT;
      }
      String detail = body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
      return new Outcome(kind, status, detail);
    }
  }

  Outcome send(byte[] gzippedJson, int count) throws InterruptedException;
}
