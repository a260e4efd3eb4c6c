package io.tocsin.api.pipeline;

import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;

/** Runs a tenant's events through its detection engine (the policies feature owns the engines). */
public interface Evaluator {

  List<Detection> evaluate(String tenantId, List<Event> events);
}
