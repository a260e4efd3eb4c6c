package io.tocsin.dsl.eval;

/**
 * Builds regular expressions from literal text and globs using only constructs that RE2 (re2j),
 * java.util.regex and MongoDB's PCRE read the same way: escaped punctuation, {@code \x{..}} for
 * other characters, {@code [^/]}, {@code [\s\S]}, {@code \A} and {@code \z}.
 */
public final class Regexes {

  private Regexes() {}

  /** A regex matching {@code text} literally; ASCII letters match either case when asked. */
  public static String quote(String text, boolean asciiCaseInsensitive) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    text.codePoints().forEach(cp -> appendLiteral(out, cp, asciiCaseInsensitive));
    return out.toString();
  }

  /**
   * A glob as an anchored regex. {@code *} matches within a path segment, {@code **} across
   * segments ({@code /**}{@code /} also matches a single {@code /}), {@code ?} one character other
   * than {@code /}, and a backslash makes the next character literal.
   */
  public static String glob(String glob) {
    StringBuilder out = new StringBuilder("\\A");
    int[] cps = glob.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\' && i + 1 < cps.length) {
        appendLiteral(out, cps[++i], false);
      } else if (c == '*') {
        int stars = 1;
        while (i + 1 < cps.length && cps[i + 1] == '*') {
          stars++;
          i++;
        }
        if (stars == 1) {
          out.append("[^/]*");
        } else if (i + 1 < cps.length
            && cps[i + 1] == '/'
            && (i - stars < 0 || cps[i - stars] == '/')) {
          out.append("(?:[\\s\\S]*/)?");
          i++;
        } else {
          out.append("[\\s\\S]*");
        }
      } else if (c == '?') {
        out.append("[^/]");
      } else {
        appendLiteral(out, c, false);
      }
    }
    return out.append("\\z").toString();
  }

  /** A shorthand wildcard ({@code power*}) as a glob where {@code *} also crosses {@code /}. */
  public static String wildcardToGlob(String wildcard) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < wildcard.length(); i++) {
      char c = wildcard.charAt(i);
      if (c == '\\' && i + 1 < wildcard.length()) {
        out.append(c).append(wildcard.charAt(++i));
      } else if (c == '*') {
        out.append("**");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void appendLiteral(StringBuilder out, int cp, boolean asciiCaseInsensitive) {
    if (asciiCaseInsensitive && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))) {
      int lower = cp | 0x20;
      out.append('[').append((char) lower).append((char) (lower - 32)).append(']');
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
      out.append((char) cp);
    } else if (cp > 0x20 && cp < 0x7F) {
      out.append('\\').append((char) cp);
    } else {
      out.append("\\x{").append(Integer.toHexString(cp)).append('}');
    }
  }
}
