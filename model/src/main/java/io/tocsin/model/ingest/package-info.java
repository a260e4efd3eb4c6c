/**
 * Normalisation of ingested JSON (canonical, INSEC, OS-Pulse and security-event shapes) into the
 * canonical {@link io.tocsin.model.Event}. Pure Java, so the API and replay tools share one
 * definition of what an event means.
 */
package io.tocsin.model.ingest;
