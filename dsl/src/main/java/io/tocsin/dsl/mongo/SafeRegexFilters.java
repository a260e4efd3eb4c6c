package io.tocsin.dsl.mongo;

import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.eval.Regexes;

/**
 * The {@code $regex} filters pushed down for the string operators, kept to shapes a backtracking
 * engine (MongoDB's PCRE, the embedded store's java.util.regex) runs in time linear in the value's
 * length: a literal (case-folded or not), anchored or not, and globs with at most one unbounded
 * wildcard. A glob with several ({@code *a*a*a*ab}: exponential when backtracked) pushes down only
 * its literal prefix, or just presence, and leaves the decision to the residual, which matches
 * globs with a linear-time automaton. Literals longer than {@link #MAX_LITERAL} push down their
 * first {@code MAX_LITERAL} characters (a superset), bounding the store's work per value.
 */
final class SafeRegexFilters {

  static final int MAX_LITERAL = 256;

  private SafeRegexFilters() {}

  static MongoTranslator.Part affix(Operator op, String path, String text) {
    boolean folded =
        op == Operator.ICONTAINS || op == Operator.ISTARTSWITH || op == Operator.IENDSWITH;
    boolean exact = text.length() <= MAX_LITERAL;
    String literal;
    if (exact) {
      literal = text;
    } else if (op == Operator.ENDSWITH || op == Operator.IENDSWITH) {
      int from = text.length() - MAX_LITERAL;
      literal = text.substring(Character.isLowSurrogate(text.charAt(from)) ? from + 1 : from);
    } else {
      literal = head(text);
    }
    String quoted = Regexes.quote(literal, folded);
    String pattern =
        switch (op) {
          case STARTSWITH, ISTARTSWITH -> "\\A" + quoted;
          case ENDSWITH, IENDSWITH -> quoted + "\\z";
          default -> quoted;
        };
    return regex(path, pattern, exact);
  }

  static MongoTranslator.Part glob(String path, String glob) {
    if (wildcardRuns(glob) <= 1 && glob.length() <= MAX_LITERAL) {
      return regex(path, Regexes.glob(glob), true);
    }
    String prefix = literalPrefix(glob);
    if (prefix.isEmpty()) {
      return new MongoTranslator.Part(Filters.exists(path), false);
    }
    return regex(path, "\\A" + Regexes.quote(head(prefix), false), false);
  }

  /** How many runs of {@code *} (each one unbounded repetition) the glob has. */
  static int wildcardRuns(String glob) {
    int runs = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' && (i == 0 || glob.charAt(i - 1) != '*' || escaped(glob, i - 1))) {
        runs++;
      }
    }
    return runs;
  }

  private static boolean escaped(String glob, int i) {
    int backslashes = 0;
    for (int j = i - 1; j >= 0 && glob.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** The literal text before the glob's first wildcard, escapes resolved. */
  static String literalPrefix(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        out.append(glob.charAt(++i));
      } else if (c == '*' || c == '?') {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** At most the first {@link #MAX_LITERAL} characters, never half a surrogate pair. */
  private static String head(String text) {
    if (text.length() <= MAX_LITERAL) {
      return text;
    }
    int end =
        Character.isHighSurrogate(text.charAt(MAX_LITERAL - 1)) ? MAX_LITERAL - 1 : MAX_LITERAL;
    return text.substring(0, end);
  }

  private static MongoTranslator.Part regex(String path, String pattern, boolean exact) {
    return new MongoTranslator.Part(Filters.op(path, "$regex", pattern), exact);
  }
}
