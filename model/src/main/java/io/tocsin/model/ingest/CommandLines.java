package io.tocsin.model.ingest;

/** Reads the program out of a command line as shells and Windows' CreateProcess split it. */
final class CommandLines {

  private CommandLines() {}

  /**
   * The first token of {@code line}: up to the closing quote when it starts with a double quote
   * ({@code "C:\Program Files\app.exe" -x}), else up to the first whitespace.
   */
  static String program(String line) {
    String s = line.strip();
    if (s.startsWith("\"")) {
      int end = s.indexOf('"', 1);
      return end < 0 ? s.substring(1) : s.substring(1, end);
    }
    int space = 0;
    while (space < s.length() && !Character.isWhitespace(s.charAt(space))) {
      space++;
    }
    return s.substring(0, space);
  }
}
