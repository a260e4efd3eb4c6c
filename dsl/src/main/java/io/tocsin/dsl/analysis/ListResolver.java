package io.tocsin.dsl.analysis;

import io.tocsin.dsl.Limits;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.ListRef;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.ast.Source;
import io.tocsin.model.FieldType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the right side of {@code in}: a list literal, or a tenant named list whose string values
 * are typed against the field ({@code 10.0.0.0/8} in a list for an IP field is a CIDR).
 */
final class ListResolver {

  private final Analyzer analyzer;
  private final LiteralTyper typer;

  ListResolver(Analyzer analyzer, LiteralTyper typer) {
    this.analyzer = analyzer;
    this.typer = typer;
  }

  /** Reports an unknown named list; true when it exists. */
  boolean exists(ListRef ref) {
    if (analyzer.context.lists().containsKey(ref.name())) {
      analyzer.lists.add(ref.name());
      return true;
    }
    StringBuilder message = new StringBuilder("unknown list [").append(ref.name()).append("]");
    Suggestions.closest(ref.name(), analyzer.context.lists().keySet())
        .ifPresent(s -> message.append(", did you mean [").append(s).append("]?"));
    analyzer.problems.error("UNKNOWN_LIST", ref.source(), message.toString());
    return false;
  }

  ListLiteral resolve(Operand right, Typed left, Operator op) {
    if (right instanceof ListRef ref) {
      return named(ref, left, op);
    }
    ListLiteral list = (ListLiteral) right;
    if (!withinLimit(list.source(), "list", list.values().size())) {
      return null;
    }
    List<Literal> typed = new ArrayList<>();
    boolean failed = false;
    Set<Object> seen = new HashSet<>();
    for (Literal value : list.values()) {
      Literal t = typer.type(value, left, op, false);
      failed |= t == null;
      if (t != null) {
        if (!seen.add(t.value())) {
          analyzer.problems.warning(
              "DUPLICATE_VALUE", t.source(), "[" + t.source().text() + "] is already in the list");
        }
        typed.add(t);
      }
    }
    if (failed) {
      return null;
    }
    warnIfEmpty(list.source(), "list", typed, op);
    return new ListLiteral(list.source(), typed);
  }

  private ListLiteral named(ListRef ref, Typed left, Operator op) {
    if (!exists(ref)) {
      return null;
    }
    List<String> values = analyzer.context.lists().get(ref.name());
    if (!withinLimit(ref.source(), "list [" + ref.name() + "]", values.size())) {
      return null;
    }
    List<Literal> typed = new ArrayList<>();
    for (String value : values) {
      Source at = new Source(ref.source().line(), ref.source().column(), value);
      boolean range = value.indexOf('/') >= 0 && left.type() == FieldType.IP;
      Literal raw = new Literal(at, range ? LiteralKind.CIDR : LiteralKind.STRING, value);
      List<io.tocsin.dsl.Diagnostic> problems = new ArrayList<>();
      Literal t = analyzer.problems.capture(problems, () -> typer.type(raw, left, op, true));
      if (t == null) {
        analyzer.problems.error(
            problems.get(0).code(),
            ref.source(),
            "list [" + ref.name() + "]: " + problems.get(0).message());
        return null;
      }
      typed.add(t);
    }
    warnIfEmpty(ref.source(), "list [" + ref.name() + "]", typed, op);
    return new ListLiteral(ref.source(), typed);
  }

  private boolean withinLimit(Source at, String what, int size) {
    if (size <= Limits.MAX_LIST_SIZE) {
      return true;
    }
    analyzer.problems.error(
        "LIST_TOO_LARGE",
        at,
        what + " has [" + size + "] values, the limit is [" + Limits.MAX_LIST_SIZE + "]");
    return false;
  }

  private void warnIfEmpty(Source at, String what, List<Literal> values, Operator op) {
    if (values.isEmpty()) {
      analyzer.problems.warning(
          "EMPTY_LIST",
          at,
          what
              + " is empty, so ["
              + op.symbol()
              + "] is "
              + (op == Operator.IN ? "always false" : "true whenever the field is present"));
    }
  }
}
