package io.tocsin.api.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Test listener (picked up by component scan): remembers every change it is told about. */
@Component
public class RecordingAlertListener implements AlertChangeListener {

  private final List<AlertChange> changes = new CopyOnWriteArrayList<>();

  @Override
  public void onAlertChange(AlertChange change) {
    changes.add(change);
  }

  public List<AlertChange> of(String alertId) {
    return changes.stream().filter(c -> c.alertId().equals(alertId)).toList();
  }
}
