package io.tocsin.api.pipeline;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Scale-out mode: {@code tocsin.kafka.bootstrap} ({@code TOCSIN_KAFKA_BOOTSTRAP}) names brokers.
 * Without it, the server evaluates what it ingests itself, as a single node.
 */
public class OnKafkaCondition implements Condition {

  public static final String BOOTSTRAP = "tocsin.kafka.bootstrap";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String bootstrap = context.getEnvironment().getProperty(BOOTSTRAP, "");
    return !bootstrap.isBlank();
  }

  /** The single-node mode: no brokers configured. */
  public static class Absent implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new OnKafkaCondition().matches(context, metadata);
    }
  }
}
