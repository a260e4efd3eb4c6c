package io.tocsin.dsl.eval;

import com.google.re2j.Pattern;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.function.Strings;
import java.util.function.Predicate;

/**
 * The operators Sigma's matching model needs ({@code iequals}, {@code wildcard}, {@code iwildcard})
 * over one extracted value. Case-insensitive means ASCII letters, like the other {@code i*}
 * operators. Wildcards compile to an anchored RE2 pattern, so matching stays linear.
 */
public final class TextMatchers {

  private TextMatchers() {}

  static Predicate<Object> of(Operator op, String literal) {
    return switch (op) {
      case IEQUALS -> {
        String folded = Strings.asciiLower(literal);
        yield v ->
            v instanceof String s
                && s.length() == folded.length()
                && Strings.asciiLower(s).equals(folded);
      }
      case WILDCARD -> regex(Pattern.compile(wildcardRegex(literal, false)));
      case IWILDCARD -> regex(Pattern.compile(wildcardRegex(literal, true)));
      default -> throw new IllegalArgumentException("not a text operator: " + op);
    };
  }

  /**
   * A wildcard as an anchored regex: {@code *} any run of characters, {@code ?} one character, a
   * backslash makes the next character literal (a trailing backslash is literal).
   */
  public static String wildcardRegex(String wildcard, boolean asciiCaseInsensitive) {
    StringBuilder out = new StringBuilder("\\A");
    int[] cps = wildcard.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\' && i + 1 < cps.length) {
        out.append(Regexes.quote(Character.toString(cps[++i]), asciiCaseInsensitive));
      } else if (c == '*') {
        while (i + 1 < cps.length && cps[i + 1] == '*') {
          i++;
        }
        out.append("[\\s\\S]*");
      } else if (c == '?') {
        out.append("[\\s\\S]");
      } else {
        out.append(Regexes.quote(Character.toString(c), asciiCaseInsensitive));
      }
    }
    return out.append("\\z").toString();
  }

  private static Predicate<Object> regex(Pattern pattern) {
    return v -> v instanceof String s && pattern.matcher(s).find();
  }
}
