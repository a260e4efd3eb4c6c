/**
 * Correlation state kept outside Drools, keyed by rule fingerprint, so that a reload keeps the
 * partial state of every unchanged rule without copying anything between sessions: {@link
 * io.tocsin.engine.correlation.ThresholdTracker}, {@link
 * io.tocsin.engine.correlation.SequenceTracker} and {@link
 * io.tocsin.engine.correlation.AbsenceTracker}. Windows are measured on event time. Each tracker
 * holds at most {@code maxGroups} groups ({@link io.tocsin.engine.correlation.GroupTable}, least
 * recently used evicted first, every eviction counted).
 */
package io.tocsin.engine.correlation;
