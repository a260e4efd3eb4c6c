package io.tocsin.agent.collect;

import java.util.Map;

/** A host snapshot in the {@code POST /api/v1/submit/} shape. */
@FunctionalInterface
public interface SnapshotSource {

  Map<String, Object> snapshot();
}
