package io.tocsin.api.stream;

import io.tocsin.api.cases.CaseChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored case and task change to the {@code project_updates} topic (CyberPulse's
 * name for it: cases are served as its projects), typed {@code case.created}, {@code case.updated},
 * {@code task.created} or {@code task.updated} (the messages' {@code event}); the data is the case
 * or task as the API shows it.
 */
@Component
class CaseStream {

  private final StreamPublisher publisher;

  CaseStream(StreamPublisher publisher) {
    this.publisher = publisher;
  }

  @EventListener
  void onCaseChanged(CaseChanged change) {
    publisher.publish(change.tenantId(), StreamTopic.PROJECT_UPDATES, change.type(), change.data());
  }
}
