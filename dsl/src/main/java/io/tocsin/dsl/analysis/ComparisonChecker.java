package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.ListRef;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.eval.Regexes;
import io.tocsin.model.FieldType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one comparison: the left side resolves to a field or function, the operator applies to its
 * type, the right side is a value of that type. Rewrites the search shorthand.
 */
final class ComparisonChecker {

  private static final Set<Operator> ORDERING =
      EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE);
  private static final Set<FieldType> ORDERED =
      EnumSet.of(
          FieldType.INTEGER,
          FieldType.DECIMAL,
          FieldType.BYTES,
          FieldType.TIMESTAMP,
          FieldType.ANY);
  private static final Set<FieldType> TEXT =
      EnumSet.of(FieldType.STRING, FieldType.STRING_ARRAY, FieldType.IP, FieldType.ANY);

  private final Analyzer analyzer;
  private final OperandResolver operands;
  private final LiteralTyper typer;
  private final ListResolver lists;
  private final FieldOperands fieldOperands;

  ComparisonChecker(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.operands = new OperandResolver(analyzer);
    this.typer = new LiteralTyper(analyzer.problems);
    this.lists = new ListResolver(analyzer, typer);
    this.fieldOperands = new FieldOperands(analyzer);
  }

  Expr exists(Exists exists) {
    if (!(exists.target() instanceof FieldRef)) {
      analyzer.problems.error(
          "NOT_A_FIELD",
          exists.source(),
          "[exists] takes a field, not [" + exists.target().source().text() + "]");
      return null;
    }
    Typed target = operands.left(exists.target(), "exists");
    return target == null ? null : new Exists(exists.source(), target.operand());
  }

  Expr check(Comparison c) {
    Operator op = c.operator();
    Typed left = operands.left(c.left(), op.symbol());
    Operand right = c.right();
    if (right instanceof FieldRef ref && FieldOperands.applies(op, ref)) {
      return left == null ? null : fieldOperands.check(c, left, ref);
    }
    if (right instanceof FieldRef || right instanceof FunctionCall) {
      String text = right.source().text();
      analyzer.problems.error(
          "NOT_A_LITERAL",
          right.source(),
          "right side of ["
              + op.symbol()
              + "] must be a value, not the field ["
              + text
              + "]"
              + (right instanceof FieldRef ? ", did you mean ['" + text + "']?" : ""));
      return null;
    }
    if (left == null) {
      if (right instanceof ListRef ref) {
        lists.exists(ref);
      }
      return null;
    }
    if (op == Operator.SEARCH) {
      return search(c, left, (Literal) right);
    }
    if (!applies(op, left.type())) {
      analyzer.problems.error(
          "TYPE_MISMATCH",
          c.source(),
          "operator ["
              + op.symbol()
              + "] needs "
              + (ORDERING.contains(op) ? "a number or a timestamp" : "a string")
              + ", but ["
              + left.operand().source().text()
              + "] is "
              + TypeNames.of(left.type()));
      return null;
    }
    if (op == Operator.IN || op == Operator.NOT_IN) {
      ListLiteral list = lists.resolve(right, left, op);
      return list == null ? null : new Comparison(c.source(), left.operand(), op, list);
    }
    Literal typed = typer.type((Literal) right, left, op, false);
    return typed == null ? null : new Comparison(c.source(), left.operand(), op, typed);
  }

  /** {@code field:value}: wildcards become GLOB, a CIDR becomes IN, anything else EQ. */
  private Expr search(Comparison c, Typed left, Literal value) {
    if (value.kind() == LiteralKind.WILDCARD) {
      if (!TEXT.contains(left.type())) {
        analyzer.problems.error(
            "TYPE_MISMATCH",
            value.source(),
            "wildcard ["
                + value.value()
                + "] needs a string, but ["
                + left.operand().source().text()
                + "] is "
                + TypeNames.of(left.type()));
        return null;
      }
      String glob = Regexes.wildcardToGlob((String) value.value());
      Literal pattern = new Literal(value.source(), LiteralKind.STRING, glob);
      return new Comparison(c.source(), left.operand(), Operator.GLOB, pattern);
    }
    if (value.kind() == LiteralKind.CIDR
        && (left.type() == FieldType.IP || left.type() == FieldType.ANY)) {
      ListLiteral one = new ListLiteral(value.source(), List.of(value));
      ListLiteral typed = lists.resolve(one, left, Operator.IN);
      return typed == null ? null : new Comparison(c.source(), left.operand(), Operator.IN, typed);
    }
    Literal typed = typer.type(value, left, Operator.EQ, true);
    return typed == null ? null : new Comparison(c.source(), left.operand(), Operator.EQ, typed);
  }

  static boolean applies(Operator op, FieldType type) {
    return switch (op) {
      case LT, LE, GT, GE -> ORDERED.contains(type);
      case CONTAINS,
          ICONTAINS,
          STARTSWITH,
          ISTARTSWITH,
          ENDSWITH,
          IENDSWITH,
          MATCHES,
          GLOB,
          IEQUALS,
          WILDCARD,
          IWILDCARD ->
          TEXT.contains(type);
      default -> true;
    };
  }
}
