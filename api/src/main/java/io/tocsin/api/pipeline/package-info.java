/**
 * The glue between ingest, the detection engine and alerts: stored events go to the tenant's
 * engine, its detections to the alert service, and only then is their pending batch closed. A
 * sweeper re-runs batches left open (a crash or failure between store and record), so evaluation is
 * at-least-once; alert writes are idempotent by detection id.
 */
package io.tocsin.api.pipeline;
