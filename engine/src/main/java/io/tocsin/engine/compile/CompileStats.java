package io.tocsin.engine.compile;

/**
 * What a compilation produced.
 *
 * @param slots conditions compiled (rule conditions, sequence steps, absence expectations)
 * @param indexedBranches branches reached through a hashed equality
 * @param prefilteredBranches branches reached through the substring pre-filter
 * @param scannedBranches branches Drools evaluates for every event
 * @param millis build time
 */
public record CompileStats(
    int slots, int indexedBranches, int prefilteredBranches, int scannedBranches, long millis) {}
