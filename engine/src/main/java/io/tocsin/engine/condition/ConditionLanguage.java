package io.tocsin.engine.condition;

import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the engine needs from the condition language: analysis of condition text, and the
 * interpreter's semantics for any resolved sub-tree. {@link DslLanguage} is the production
 * implementation; keeping it behind an interface keeps the Drools compiler independent of how the
 * language is implemented.
 */
public interface ConditionLanguage {

  /** Parses, resolves and verifies one condition against a tenant's lists and macros. */
  ParsedCondition parse(String text, Map<String, List<String>> lists, Map<String, String> macros);

  /** The interpreter's predicate for a resolved (sub-)expression. */
  Predicate<Event> predicate(Expr resolved);

  /** The interpreter's evaluation of an operand (field or function call) on an event. */
  Function<Event, Object> extractor(Operand operand);
}
