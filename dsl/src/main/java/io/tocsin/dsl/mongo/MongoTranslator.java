package io.tocsin.dsl.mongo;

import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.BooleanLiteral;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Or;
import io.tocsin.dsl.eval.EqualitySets;
import io.tocsin.dsl.eval.Interpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Translates a checked condition to a {@link MongoQuery}. Each node becomes a filter that is either
 * exact or a superset of the node's matches; a {@code not} or {@code or} over an inexact part
 * widens to "everything", and any inexactness adds the whole condition as residual.
 */
public final class MongoTranslator {

  /** A filter and whether it is exact (otherwise a superset). */
  record Part(Document filter, boolean exact) {
    static Part all(boolean exact) {
      return new Part(new Document(), exact);
    }
  }

  private final String prefix;

  private MongoTranslator(String prefix) {
    this.prefix = prefix;
  }

  public static MongoQuery translate(CheckedCondition condition) {
    return translate(condition, "");
  }

  /**
   * Translates with every field path prefixed ({@code "event."} when events are stored under an
   * {@code event} sub-document).
   */
  public static MongoQuery translate(CheckedCondition condition, String fieldPrefix) {
    Part part = new MongoTranslator(fieldPrefix).part(EqualitySets.rewrite(condition.root()));
    return new MongoQuery(
        part.filter(),
        part.exact() ? Optional.empty() : Optional.of(Interpreter.compile(condition.root())));
  }

  private Part part(Expr e) {
    if (e instanceof And and) {
      List<Part> parts = and.terms().stream().map(this::part).toList();
      List<Document> filters = new ArrayList<>();
      parts.stream().filter(p -> !p.filter().isEmpty()).forEach(p -> filters.add(p.filter()));
      boolean exact = parts.stream().allMatch(Part::exact);
      if (filters.isEmpty()) {
        return Part.all(exact);
      }
      return new Part(filters.size() == 1 ? filters.get(0) : new Document("$and", filters), exact);
    }
    if (e instanceof Or or) {
      List<Part> parts = or.terms().stream().map(this::part).toList();
      if (parts.stream().anyMatch(p -> p.filter().isEmpty())) {
        // Everything, exactly so only when an exact part already matches everything.
        return Part.all(parts.stream().anyMatch(p -> p.exact() && p.filter().isEmpty()));
      }
      List<Document> filters = parts.stream().map(Part::filter).toList();
      return new Part(new Document("$or", filters), parts.stream().allMatch(Part::exact));
    }
    if (e instanceof Not not) {
      Part inner = part(not.operand());
      if (!inner.exact()) {
        return Part.all(false);
      }
      return new Part(Filters.not(inner.filter()), true);
    }
    if (e instanceof BooleanLiteral b) {
      return b.value() ? Part.all(true) : new Part(Filters.nothing(), true);
    }
    if (e instanceof Exists exists) {
      FieldRef field = (FieldRef) exists.target();
      boolean payload = field.path().startsWith(io.tocsin.model.FieldCatalog.PAYLOAD_PREFIX);
      return new Part(Filters.exists(prefix + field.path()), !payload);
    }
    Comparison c = (Comparison) e;
    if (c.right() instanceof FieldRef) {
      // Field-to-field comparisons: presence here, the residual compares the two values.
      return new Part(Filters.exists(prefix + innermostField(c.left())), false);
    }
    if (c.left() instanceof FieldRef field) {
      return ComparisonFilters.of(c, prefix + field.path());
    }
    return new Part(Filters.exists(prefix + innermostField(c.left())), false);
  }

  private static String innermostField(Operand operand) {
    Operand o = operand;
    while (o instanceof FunctionCall call) {
      o = call.args().get(0);
    }
    return ((FieldRef) o).path();
  }
}
