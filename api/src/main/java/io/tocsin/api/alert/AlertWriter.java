package io.tocsin.api.alert;

import io.tocsin.api.tenant.RetentionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The only path by which alerts change: read, apply a mutation, bump {@code version} and {@code
 * updated_at}, replace under an optimistic version check (retrying on a lost race), then tell every
 * {@link AlertChangeListener}. Works the same on the embedded store and on a MongoDB replica set,
 * neither of which we ask for transactions.
 */
@Component
class AlertWriter {

  private static final Logger LOG = LoggerFactory.getLogger(AlertWriter.class);
  private static final int MAX_ATTEMPTS = 100;

  /** A change to an alert; runs again on a fresh copy if another writer won the race. */
  @FunctionalInterface
  interface Mutation {
    /** Changes {@code alert}; returns the change type, or null when nothing changed. */
    String apply(Alert alert, Instant now);
  }

  private final AlertStore store;
  private final ObjectProvider<AlertChangeListener> listeners;
  private final RetentionPolicy retention;
  private final Clock clock;

  AlertWriter(
      AlertStore store,
      ObjectProvider<AlertChangeListener> listeners,
      RetentionPolicy retention,
      Clock clock) {
    this.store = store;
    this.listeners = listeners;
    this.retention = retention;
    this.clock = clock;
  }

  /** Stores a new alert at version 1; false (and no notification) if it already exists. */
  boolean create(Alert alert) {
    alert.version = 1;
    if (!store.insert(alert)) {
      return false;
    }
    notify(AlertChange.CREATED, alert);
    return true;
  }

  /** Applies {@code mutation} to the tenant's alert; empty if there is no such alert. */
  Optional<Alert> mutate(String tenantId, String id, Mutation mutation) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Alert> found = store.find(tenantId, id);
      if (found.isEmpty()) {
        return found;
      }
      Alert alert = found.get();
      long expected = alert.version;
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      String type = mutation.apply(alert, now);
      if (type == null) {
        return found;
      }
      alert.version = expected + 1;
      alert.updatedAt = now;
      // Real MongoDB's TTL index expires a closed alert once it has been idle for the retention.
      alert.expiresAt = alert.isClosed() ? now.plus(retention.retention(tenantId)) : null;
      if (store.replace(alert, expected)) {
        notify(type, alert);
        return Optional.of(alert);
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("alert " + id + " is changing too fast to update");
  }

  private void notify(String type, Alert alert) {
    AlertChange change =
        new AlertChange(alert.tenantId, type, alert.id, alert.version, AlertViews.view(alert));
    listeners
        .orderedStream()
        .forEach(
            listener -> {
              try {
                listener.onAlertChange(change);
              } catch (RuntimeException e) {
                LOG.warn(
                    "alert listener {} failed on {} {}",
                    listener.getClass().getName(),
                    type,
                    alert.id,
                    e);
              }
            });
  }
}
