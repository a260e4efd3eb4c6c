package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.util.EnumSet;
import java.util.Set;

/**
 * A catalogued field on the right of {@code == != iequals} or a string operator compares two fields
 * of the same event ({@code process.name iequals process.parent.name}). A right side that is no
 * known field stays the "must be a value" error, so {@code process.name == cmd.exe} still suggests
 * quoting.
 */
final class FieldOperands {

  private static final Set<Operator> OPERATORS =
      EnumSet.of(
          Operator.EQ,
          Operator.NE,
          Operator.IEQUALS,
          Operator.CONTAINS,
          Operator.ICONTAINS,
          Operator.STARTSWITH,
          Operator.ISTARTSWITH,
          Operator.ENDSWITH,
          Operator.IENDSWITH);

  private final Analyzer analyzer;
  private final OperandResolver operands;

  FieldOperands(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.operands = new OperandResolver(analyzer);
  }

  static boolean applies(Operator op, FieldRef right) {
    return OPERATORS.contains(op) && FieldCatalog.typeOf(right.path()).isPresent();
  }

  Expr check(Comparison c, Typed left, FieldRef right) {
    Typed other = operands.left(right, c.operator().symbol());
    if (other == null) {
      return null;
    }
    Operator op = c.operator();
    boolean text = op != Operator.EQ && op != Operator.NE;
    for (Typed side : new Typed[] {left, other}) {
      if (text && !ComparisonChecker.applies(op, side.type())) {
        analyzer.problems.error(
            "TYPE_MISMATCH",
            side.operand().source(),
            "operator ["
                + op.symbol()
                + "] needs a string, but ["
                + side.operand().source().text()
                + "] is "
                + TypeNames.of(side.type()));
        return null;
      }
    }
    if (!text && !comparable(left.type(), other.type())) {
      analyzer.problems.error(
          "TYPE_MISMATCH",
          c.source(),
          "["
              + left.operand().source().text()
              + "] is "
              + TypeNames.of(left.type())
              + " and ["
              + right.path()
              + "] is "
              + TypeNames.of(other.type())
              + ": they are never equal");
      return null;
    }
    return new Comparison(c.source(), left.operand(), op, other.operand());
  }

  private static boolean comparable(FieldType a, FieldType b) {
    return a == b
        || a == FieldType.ANY
        || b == FieldType.ANY
        || numeric(a) && numeric(b)
        || text(a) && text(b);
  }

  private static boolean numeric(FieldType t) {
    return t == FieldType.INTEGER || t == FieldType.DECIMAL || t == FieldType.BYTES;
  }

  private static boolean text(FieldType t) {
    return t == FieldType.STRING || t == FieldType.STRING_ARRAY;
  }
}
