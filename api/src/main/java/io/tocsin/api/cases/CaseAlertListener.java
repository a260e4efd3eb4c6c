package io.tocsin.api.cases;

import io.tocsin.api.alert.AlertChange;
import io.tocsin.api.alert.AlertChangeListener;
import org.springframework.stereotype.Component;

/** Keeps a case's severity equal to the highest of its alerts when one of them changes. */
@Component
class CaseAlertListener implements AlertChangeListener {

  private final CaseActivity activity;

  CaseAlertListener(CaseActivity activity) {
    this.activity = activity;
  }

  @Override
  public void onAlertChange(AlertChange change) {
    if (change.alert().get("case_id") instanceof String caseId) {
      activity.alertChanged(change.tenantId(), caseId);
    }
  }
}
