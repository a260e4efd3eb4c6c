package io.tocsin.engine.condition;

import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.BooleanLiteral;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.ListRef;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.MacroRef;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Or;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A canonical, unambiguous text for a resolved tree, independent of how it was written (source
 * positions, quoting, keyword case). Two trees with the same text have the same semantics, which is
 * what makes it safe as a Drools constraint id: Drools shares alpha nodes whose ids are equal.
 */
public final class ExprText {

  private static final int MAX_ID_LENGTH = 160;

  private ExprText() {}

  public static String render(Expr expr) {
    StringBuilder sb = new StringBuilder();
    expr(expr, sb);
    return sb.toString();
  }

  public static String render(Operand operand) {
    StringBuilder sb = new StringBuilder();
    operand(operand, sb);
    return sb.toString();
  }

  /** {@code text} itself when short, otherwise a prefix plus a SHA-256 of the whole. */
  public static String compact(String text) {
    if (text.length() <= MAX_ID_LENGTH) {
      return text;
    }
    return text.substring(0, 64) + "#" + sha256(text);
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  private static StringBuilder expr(Expr e, StringBuilder sb) {
    if (e instanceof And a) {
      sb.append("(and");
      a.terms().forEach(t -> expr(t, sb.append(' ')));
      sb.append(')');
    } else if (e instanceof Or o) {
      sb.append("(or");
      o.terms().forEach(t -> expr(t, sb.append(' ')));
      sb.append(')');
    } else if (e instanceof Not n) {
      expr(n.operand(), sb.append("(not ")).append(')');
    } else if (e instanceof Comparison c) {
      sb.append('(').append(c.operator().name()).append(' ');
      operand(c.left(), sb);
      sb.append(' ');
      operand(c.right(), sb);
      sb.append(')');
    } else if (e instanceof Exists x) {
      operand(x.target(), sb.append("(exists ")).append(')');
    } else if (e instanceof BooleanLiteral b) {
      sb.append(b.value());
    } else if (e instanceof MacroRef m) {
      sb.append("(macro ").append(m.name()).append(')');
    }
    return sb;
  }

  private static StringBuilder operand(Operand o, StringBuilder sb) {
    if (o instanceof FieldRef f) {
      sb.append('$').append(f.path());
    } else if (o instanceof Literal l) {
      literal(l, sb);
    } else if (o instanceof ListLiteral l) {
      sb.append('[');
      l.values().forEach(v -> literal(v, sb.append(' ')));
      sb.append(']');
    } else if (o instanceof FunctionCall f) {
      sb.append(f.name()).append('(');
      f.args().forEach(a -> operand(a, sb.append(' ')));
      sb.append(')');
    } else if (o instanceof ListRef r) {
      sb.append('@').append(r.name());
    }
    return sb;
  }

  private static void literal(Literal l, StringBuilder sb) {
    String v = String.valueOf(l.value());
    sb.append(l.kind().name()).append(':').append(v.length()).append(':').append(v);
  }
}
