package io.tocsin.dsl.ast;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Renders a tree as a compact S-expression, e.g. {@code (and (== process.name 'cmd.exe') (>
 * file.size size:104857600))}: for golden tests, logs and showing users what a condition resolved
 * to. Literal kinds other than strings, integers, decimals and booleans are tagged.
 */
public final class AstPrinter {

  private AstPrinter() {}

  public static String render(Node node) {
    if (node instanceof And and) {
      return "(and "
          + and.terms().stream().map(AstPrinter::render).collect(Collectors.joining(" "))
          + ")";
    }
    if (node instanceof Or or) {
      return "(or "
          + or.terms().stream().map(AstPrinter::render).collect(Collectors.joining(" "))
          + ")";
    }
    if (node instanceof Not not) {
      return "(not " + render(not.operand()) + ")";
    }
    if (node instanceof BooleanLiteral b) {
      return String.valueOf(b.value());
    }
    if (node instanceof Exists e) {
      return "(exists " + render(e.target()) + ")";
    }
    if (node instanceof Comparison c) {
      return "(" + c.operator().symbol() + " " + render(c.left()) + " " + render(c.right()) + ")";
    }
    if (node instanceof MacroRef m) {
      return "$" + m.name();
    }
    if (node instanceof FieldRef f) {
      return f.path();
    }
    if (node instanceof FunctionCall call) {
      return call.name()
          + "("
          + call.args().stream().map(AstPrinter::render).collect(Collectors.joining(", "))
          + ")";
    }
    if (node instanceof ListRef ref) {
      return "@" + ref.name();
    }
    if (node instanceof ListLiteral list) {
      return "["
          + list.values().stream().map(AstPrinter::render).collect(Collectors.joining(", "))
          + "]";
    }
    return literal((Literal) node);
  }

  private static String literal(Literal l) {
    Object v = l.value();
    return switch (l.kind()) {
      case STRING -> quote((String) v);
      case INTEGER, DECIMAL, BOOLEAN -> String.valueOf(v);
      case SIZE -> "size:" + v;
      case DURATION -> "duration:" + (v == null ? "null" : ((Duration) v).toString());
      case CIDR -> "cidr:" + v;
      case WILDCARD -> "wildcard:" + quote((String) v);
    };
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
