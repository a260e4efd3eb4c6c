package io.tocsin.engine.compile;

import java.util.Arrays;

/**
 * The session global consequences write to: pairs of (slot, event sequence). Recording is all a
 * consequence does; everything else happens after {@code fireAllRules}, outside the session.
 */
public final class MatchSink {

  private int[] pairs = new int[256];
  private int size;

  /** Called from rule consequences. */
  public void record(int slot, Fact fact) {
    if (size + 2 > pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[size++] = slot;
    pairs[size++] = fact.seq();
  }

  public int count() {
    return size / 2;
  }

  public int slot(int i) {
    return pairs[2 * i];
  }

  public int seq(int i) {
    return pairs[2 * i + 1];
  }

  public void clear() {
    size = 0;
  }
}
