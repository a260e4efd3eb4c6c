package io.tocsin.engine.bench;

import io.tocsin.model.Event;
import java.util.function.Predicate;

/**
 * One benchmark rule in two forms: condition text for the engine and the interpreter, and the
 * hand-written Java equivalent, with the equality a hand-written dispatcher would key on.
 *
 * @param dispatchField the field a hand-written dispatcher hashes on, or null (checked per event)
 */
record RuleSpec(
    String condition, Predicate<Event> hand, String dispatchField, Object dispatchValue) {

  static RuleSpec of(String condition, Predicate<Event> hand) {
    return new RuleSpec(condition, hand, null, null);
  }

  static RuleSpec keyed(String condition, String field, Object value, Predicate<Event> rest) {
    return new RuleSpec(condition, e -> value.equals(e.get(field)) && rest.test(e), field, value);
  }

  static String str(Event e, String path) {
    return e.get(path) instanceof String s ? s : null;
  }

  static boolean icontains(Event e, String path, String needle) {
    String s = str(e, path);
    return s != null && s.toLowerCase(java.util.Locale.ROOT).contains(needle);
  }

  static boolean contains(Event e, String path, String needle) {
    String s = str(e, path);
    return s != null && s.contains(needle);
  }

  static long num(Event e, String path) {
    return e.get(path) instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }
}
