package io.tocsin.engine.correlation;

/** Common view of a rule's correlation state, for reload bookkeeping and metrics. */
public sealed interface Tracker permits ThresholdTracker, SequenceTracker, AbsenceTracker {

  int groups();

  /** A rough upper bound of the retained heap, in bytes. */
  long estimatedBytes();

  /** Drops groups whose window ended before {@code watermarkMillis}. */
  void expire(long watermarkMillis);
}
