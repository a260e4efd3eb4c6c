/**
 * The moving parts behind {@link io.tocsin.engine.DetectionEngine}: a compiled {@link
 * io.tocsin.engine.runtime.Generation} per policy-set version, the Drools session that matches
 * events against it ({@link io.tocsin.engine.runtime.MatchingSession}), the {@link
 * io.tocsin.engine.runtime.Pipeline} that turns raw matches into detections (exceptions,
 * correlation, suppression), and reload coalescing.
 */
package io.tocsin.engine.runtime;
