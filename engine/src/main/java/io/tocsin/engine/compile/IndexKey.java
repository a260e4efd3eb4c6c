package io.tocsin.engine.compile;

import io.tocsin.model.Event;
import java.util.function.Function;

/**
 * An equality Drools can hash: {@code key(event) equals value}.
 *
 * @param operand canonical text of the left operand; one Drools index id per operand and type
 * @param type {@code String.class} or {@code Long.class}
 * @param key the event's value for the operand, normalized to {@code type}, or null
 * @param value the literal, normalized to {@code type}
 */
record IndexKey(String operand, Class<?> type, Function<Event, Object> key, Object value) {

  String exprId() {
    return "eq " + operand + " " + type.getSimpleName() + ":" + value;
  }
}
