package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigma's {@code condition}: search identifiers joined by {@code and}, {@code or}, {@code not} and
 * parentheses (not binds tightest, then and, then or), and {@code 1 of}/{@code all of} over an
 * identifier pattern with {@code *} wildcards or {@code them} (every identifier not starting with
 * an underscore). The old {@code | count()} aggregations are rejected: Sigma 2 moved them to
 * correlation rules.
 */
final class ConditionParser {

  private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|\\||[A-Za-z0-9_*\\-.]+)");

  private final Map<String, String> identifiers;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  private ConditionParser(Map<String, String> identifiers, String text) {
    this.identifiers = identifiers;
    Matcher m = TOKEN.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        if (text.substring(at).isBlank()) {
          break;
        }
        throw new SigmaRejection("condition: unexpected [" + text.substring(at).strip() + "]");
      }
      tokens.add(m.group(1));
      at = m.end();
    }
  }

  /** The condition-language text for a Sigma condition over compiled identifiers. */
  static String parse(String text, Map<String, String> identifiers) {
    if (text.contains("|")) {
      throw new SigmaRejection(
          "condition: aggregations ([| count() ...]) are not part of Sigma 2; write a"
              + " correlation rule");
    }
    ConditionParser p = new ConditionParser(identifiers, text);
    if (p.tokens.isEmpty()) {
      throw new SigmaRejection("condition is empty");
    }
    String out = p.or();
    if (p.pos < p.tokens.size()) {
      String t = p.tokens.get(p.pos);
      if (t.equals("|")) {
        throw new SigmaRejection(
            "condition: aggregations ([| count() ...]) are not part of Sigma 2; write a"
                + " correlation rule");
      }
      throw new SigmaRejection("condition: unexpected [" + t + "]");
    }
    return out;
  }

  private String or() {
    List<String> terms = new ArrayList<>(List.of(and()));
    while (accept("or")) {
      terms.add(and());
    }
    return Dsl.or(terms);
  }

  private String and() {
    List<String> terms = new ArrayList<>(List.of(unary()));
    while (accept("and")) {
      terms.add(unary());
    }
    return Dsl.and(terms);
  }

  private String unary() {
    if (accept("not")) {
      return Dsl.not(unary());
    }
    if (accept("(")) {
      String inner = or();
      if (!accept(")")) {
        throw new SigmaRejection("condition: missing [)]");
      }
      return "(" + inner + ")";
    }
    String t = next();
    if ((t.equals("1") || t.equalsIgnoreCase("all")) && accept("of")) {
      boolean all = t.equalsIgnoreCase("all");
      List<String> matched = matching(next());
      return all ? Dsl.and(matched) : Dsl.or(matched);
    }
    if (isKeyword(t)) {
      throw new SigmaRejection("condition: unexpected [" + t + "]");
    }
    String compiled = identifiers.get(t);
    if (compiled == null) {
      throw new SigmaRejection("condition: unknown search identifier [" + t + "]");
    }
    return compiled;
  }

  private List<String> matching(String pattern) {
    List<String> out = new ArrayList<>();
    boolean them = pattern.equalsIgnoreCase("them");
    Pattern p = them ? null : Pattern.compile(globToRegex(pattern));
    for (Map.Entry<String, String> e : identifiers.entrySet()) {
      String name = e.getKey();
      if (them ? !name.startsWith("_") : p.matcher(name).matches()) {
        out.add(e.getValue());
      }
    }
    if (out.isEmpty()) {
      throw new SigmaRejection("condition: [" + pattern + "] matches no search identifier");
    }
    return out;
  }

  private static String globToRegex(String glob) {
    StringBuilder out = new StringBuilder();
    String[] pieces = glob.split("\\*", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        out.append(".*");
      }
      out.append(Pattern.quote(pieces[i]));
    }
    return out.toString();
  }

  private boolean accept(String keyword) {
    if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new SigmaRejection("condition ends too early");
    }
    return tokens.get(pos++);
  }

  private static boolean isKeyword(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "and", "or", "not", "of", "(", ")", "|" -> true;
      default -> false;
    };
  }
}
