/**
 * Retention: {@code retention_days} per tenant. A scheduled job deletes the tenant's events older
 * than that, closed alerts idle for that long and finished commands; open and acknowledged alerts
 * are never deleted by retention. Closed alerts also carry {@code expiresAt} under a TTL index, so
 * real MongoDB expires them by itself; the embedded store does not expire documents, hence the job.
 */
package io.tocsin.api.retention;
