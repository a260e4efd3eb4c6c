package io.tocsin.dsl.function;

/**
 * String helpers shared by functions and operators. Case folding is ASCII-only on purpose: it is
 * the one folding every backend (interpreter, Drools, MongoDB, embedded or real) agrees on.
 */
public final class Strings {

  private Strings() {}

  public static String asciiLower(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return chars == null ? s : new String(chars);
  }

  public static String asciiUpper(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = (char) (c - ('a' - 'A'));
      }
    }
    return chars == null ? s : new String(chars);
  }

  static String basename(String path) {
    String trimmed = stripTrailingSeparators(path);
    int cut = lastSeparator(trimmed);
    return trimmed.substring(cut + 1);
  }

  static String dirname(String path) {
    String trimmed = stripTrailingSeparators(path);
    int cut = lastSeparator(trimmed);
    if (cut < 0) {
      return "";
    }
    return cut == 0 ? trimmed.substring(0, 1) : trimmed.substring(0, cut);
  }

  static String extension(String path) {
    String name = basename(path);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1);
  }

  private static int lastSeparator(String s) {
    return Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
  }

  private static String stripTrailingSeparators(String s) {
    int end = s.length();
    while (end > 1 && (s.charAt(end - 1) == '/' || s.charAt(end - 1) == '\\')) {
      end--;
    }
    return s.substring(0, end);
  }
}
