package io.tocsin.api.kafka;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The process evaluates events: {@code TOCSIN_ROLE} is {@code all} (default) or {@code worker}. */
class OnWorkerRole implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String role = context.getEnvironment().getProperty("tocsin.kafka.role", "all");
    return !role.trim().toLowerCase(Locale.ROOT).equals("api");
  }
}
