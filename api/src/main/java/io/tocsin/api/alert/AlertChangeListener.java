package io.tocsin.api.alert;

/**
 * Told about every successful alert write, after it is stored, on the writing thread. A listener
 * that throws is logged and does not undo the write; listeners that need durability compare the
 * alert's {@code version} with what they have seen (alerts are indexed by tenant and {@code
 * updated_at} for such sweeps).
 */
public interface AlertChangeListener {

  void onAlertChange(AlertChange change);
}
