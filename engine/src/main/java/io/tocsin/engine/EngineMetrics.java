package io.tocsin.engine;

import io.tocsin.engine.compile.CompileStats;
import java.time.Instant;

/**
 * A point-in-time snapshot of one engine's counters (plain values; the server exports them).
 *
 * @param generation compiled policy-set version in use (0 before the first successful load)
 * @param rules rules evaluated
 * @param compile how the current generation was compiled, null before the first load
 * @param events events evaluated
 * @param lateEvents events older than the watermark when they arrived (still evaluated)
 * @param matches rule conditions matched (before exceptions, correlation and suppression)
 * @param vetoed matches vetoed by exceptions
 * @param detections new detections emitted
 * @param updates update detections emitted for suppressed matches
 * @param suppressed matches counted into an open suppression window
 * @param correlationGroups groups currently held by all correlation trackers
 * @param correlationBytes estimated heap retained by correlation state
 * @param correlationEvictions groups evicted by the per-rule bound
 * @param correlationExpirations groups dropped because their window passed
 * @param correlationLateDropped events too late to enter a correlation window
 * @param suppressionWindows open suppression windows
 * @param suppressionEvictions suppression windows evicted by the per-rule bound
 * @param reloadsApplied reloads that replaced the generation
 * @param reloadsRejected reloads refused (invalid or failing sets)
 * @param reloadsCoalesced reload requests superseded by a newer one before being built
 * @param watermark the engine's event time (null before the first event)
 */
public record EngineMetrics(
    long generation,
    int rules,
    CompileStats compile,
    long events,
    long lateEvents,
    long matches,
    long vetoed,
    long detections,
    long updates,
    long suppressed,
    int correlationGroups,
    long correlationBytes,
    long correlationEvictions,
    long correlationExpirations,
    long correlationLateDropped,
    int suppressionWindows,
    long suppressionEvictions,
    long reloadsApplied,
    long reloadsRejected,
    long reloadsCoalesced,
    Instant watermark) {}
