/**
 * Analytics over alerts and events: {@code GET /analytics/dashboard} (counts, top policies and
 * hosts, time series) and {@code GET /analytics/risk} (per-host and per-user risk from active
 * alerts). Everything is computed with aggregation stages both the embedded store and MongoDB run
 * ({@code $match}, {@code $group}, {@code $unwind}, {@code $sort}); time buckets are arithmetic on
 * epoch millis ({@code $toLong}, {@code $mod}) rather than {@code $dateTrunc}.
 */
package io.tocsin.api.analytics;
