package io.tocsin.dsl.analysis;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.tocsin.dsl.Limits;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.ast.Source;
import io.tocsin.dsl.eval.Ips;
import io.tocsin.model.FieldType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Types a literal to the field it is compared with: numbers to Long/Double (sizes in bytes,
 * durations in milliseconds), IPs and CIDRs validated, timestamps normalized to ISO-8601 UTC,
 * regular expressions compiled. In the search shorthand an unquoted value is taken as the text the
 * field needs ({@code host.name:web01}, {@code process.pid:42}).
 */
final class LiteralTyper {

  private static final Set<Operator> TEXT_OPS =
      EnumSet.of(
          Operator.CONTAINS,
          Operator.ICONTAINS,
          Operator.STARTSWITH,
          Operator.ISTARTSWITH,
          Operator.ENDSWITH,
          Operator.IENDSWITH,
          Operator.MATCHES,
          Operator.GLOB,
          Operator.IEQUALS,
          Operator.WILDCARD,
          Operator.IWILDCARD);

  private final Problems problems;

  LiteralTyper(Problems problems) {
    this.problems = problems;
  }

  /** The typed literal, or {@code null} after reporting why it does not fit. */
  Literal type(Literal lit, Typed left, Operator op, boolean search) {
    if (lit.value() == null) {
      return null; // out of range, already reported by the parser
    }
    Source at = lit.source();
    if (TEXT_OPS.contains(op)) {
      return text(lit, left, op);
    }
    FieldType type = left.type();
    LiteralKind kind = lit.kind();
    if (kind == LiteralKind.CIDR) {
      return cidr(lit, left, op);
    }
    String raw = search && kind != LiteralKind.STRING ? at.text() : null;
    return switch (type) {
      case STRING, STRING_ARRAY -> {
        if (kind == LiteralKind.STRING) {
          yield lit;
        }
        if (search) {
          yield new Literal(at, LiteralKind.STRING, raw);
        }
        yield mismatch(lit, left, ", quote it: ['" + at.text() + "']");
      }
      case INTEGER, DECIMAL, BYTES -> number(lit, left, search);
      case IP -> ip(lit, left);
      case TIMESTAMP ->
          kind == LiteralKind.STRING || search
              ? Timestamps.literal(lit, left, problems)
              : mismatch(lit, left, ", quote it: ['2024-05-01T12:00:00Z']");
      case BOOLEAN -> {
        if (kind == LiteralKind.BOOLEAN) {
          yield lit;
        }
        if (search && (raw == null ? (String) lit.value() : raw).matches("(?i)true|false")) {
          String text = raw == null ? (String) lit.value() : raw;
          yield new Literal(at, LiteralKind.BOOLEAN, Boolean.parseBoolean(text));
        }
        yield mismatch(lit, left, ", write [true] or [false]");
      }
      case ANY -> any(lit, left, op);
    };
  }

  private Literal text(Literal lit, Typed left, Operator op) {
    if (lit.kind() != LiteralKind.STRING) {
      return mismatch(lit, left, "; [" + op.symbol() + "] needs a quoted string");
    }
    if (op == Operator.MATCHES) {
      String re = (String) lit.value();
      long budget = Limits.MAX_REGEX_EXPANSION + (long) re.length();
      if (RegexSize.estimate(re, budget) > budget) {
        problems.error(
            "INVALID_REGEX",
            lit.source(),
            "regular expression ["
                + re
                + "] is too large once its repetitions are expanded (limit ["
                + Limits.MAX_REGEX_EXPANSION
                + "] more than its length)");
        return null;
      }
      try {
        Pattern.compile((String) lit.value());
      } catch (PatternSyntaxException e) {
        problems.error(
            "INVALID_REGEX",
            lit.source(),
            "invalid regular expression [" + lit.value() + "]: " + e.getDescription());
        return null;
      }
    }
    return lit;
  }

  private Literal number(Literal lit, Typed left, boolean search) {
    Object v = lit.value();
    Source at = lit.source();
    switch (lit.kind()) {
      case INTEGER, DECIMAL:
        return lit;
      case SIZE:
        return left.type() == FieldType.BYTES
            ? lit
            : mismatch(lit, left, "; sizes compare with byte counts such as [file.size]");
      case DURATION:
        return left.type() == FieldType.BYTES ? mismatch(lit, left, "") : millis(lit);
      case STRING:
        if (search) {
          Literal parsed = Numbers.parse(at, (String) v);
          if (parsed != null) {
            return parsed;
          }
        }
        return mismatch(lit, left, "");
      default:
        return mismatch(lit, left, "");
    }
  }

  private Literal ip(Literal lit, Typed left) {
    if (lit.kind() != LiteralKind.STRING) {
      return mismatch(lit, left, ", quote it: ['" + lit.source().text() + "']");
    }
    if (Ips.parse((String) lit.value()) == null) {
      problems.error("INVALID_IP", lit.source(), "[" + lit.value() + "] is not an IP address");
      return null;
    }
    return lit;
  }

  private Literal cidr(Literal lit, Typed left, Operator op) {
    if (left.type() != FieldType.IP && left.type() != FieldType.ANY) {
      return mismatch(lit, left, "");
    }
    if (op != Operator.IN && op != Operator.NOT_IN) {
      problems.error(
          "TYPE_MISMATCH",
          lit.source(),
          "a CIDR is a range: write ["
              + left.operand().source().text()
              + " in "
              + lit.value()
              + "] instead of ["
              + op.symbol()
              + "]");
      return null;
    }
    if (Ips.parseCidr((String) lit.value()) == null) {
      problems.error("INVALID_CIDR", lit.source(), "[" + lit.value() + "] is not a valid CIDR");
      return null;
    }
    return lit;
  }

  private Literal any(Literal lit, Typed left, Operator op) {
    return switch (lit.kind()) {
      case DURATION -> millis(lit);
      case STRING -> {
        if (op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE) {
          yield mismatch(lit, left, "; [" + op.symbol() + "] needs a number");
        }
        yield lit;
      }
      case WILDCARD -> mismatch(lit, left, "");
      default -> lit;
    };
  }

  private Literal millis(Literal lit) {
    try {
      return new Literal(lit.source(), LiteralKind.INTEGER, ((Duration) lit.value()).toMillis());
    } catch (ArithmeticException e) {
      problems.error(
          "INVALID_NUMBER", lit.source(), "duration [" + lit.source().text() + "] is out of range");
      return null;
    }
  }

  Literal mismatch(Literal lit, Typed left, String hint) {
    problems.error(
        "TYPE_MISMATCH",
        lit.source(),
        "["
            + lit.source().text()
            + "] is "
            + KindNames.of(lit.kind())
            + ", but ["
            + left.operand().source().text()
            + "] is "
            + TypeNames.of(left.type())
            + hint);
    return null;
  }
}
