package io.tocsin.api.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when only the legacy {@code SPRING_DATA_MONGODB_URI} names the MongoDB to use. */
class OnLegacyUriCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return MongoUris.onlyLegacyConfigured(context.getEnvironment());
  }
}
