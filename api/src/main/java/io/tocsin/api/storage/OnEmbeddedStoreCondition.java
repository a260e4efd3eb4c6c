package io.tocsin.api.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no MongoDB location is configured, so the embedded store is needed. */
class OnEmbeddedStoreCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !MongoUris.anyConfigured(context.getEnvironment());
  }
}
