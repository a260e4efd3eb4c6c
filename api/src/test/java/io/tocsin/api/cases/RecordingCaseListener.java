package io.tocsin.api.cases;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test listener (picked up by component scan): remembers every {@link CaseChanged}. */
@Component
public class RecordingCaseListener {

  private final List<CaseChanged> changes = new CopyOnWriteArrayList<>();

  @EventListener
  void on(CaseChanged change) {
    changes.add(change);
  }

  /** The changes of the case or task {@code id}, oldest first. */
  public List<CaseChanged> of(String id) {
    return changes.stream().filter(c -> c.id().equals(id)).toList();
  }
}
