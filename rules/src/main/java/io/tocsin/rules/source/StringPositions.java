package io.tocsin.rules.source;

import java.util.List;

/** Maps a position inside a YAML string value back to the file, for each way of writing it. */
final class StringPositions {

  private StringPositions() {}

  /** {@code {line, column}} in the file, both 1-based. */
  static int[] map(Position p, List<String> lines, int line, int column) {
    if (line <= 0 || p.style() == null) {
      return new int[] {p.line(), p.column()};
    }
    return switch (p.style()) {
      case PLAIN -> inline(p, line, column, 0);
      case QUOTED -> inline(p, line, column, 1);
      case LITERAL -> literal(p, lines, line, column);
      case FOLDED -> folded(p, lines, column);
    };
  }

  private static int[] inline(Position p, int line, int column, int quote) {
    if (line == 1) {
      return new int[] {p.line(), p.column() + quote + column - 1};
    }
    return new int[] {p.line() + line - 1, column};
  }

  /** Block content starts on the line after the {@code |} indicator, one source line per line. */
  private static int[] literal(Position p, List<String> lines, int line, int column) {
    int fileLine = p.line() + line;
    return new int[] {fileLine, indent(lines, fileLine) + column};
  }

  /** A folded block joins its lines with one space: walk them to find the offset. */
  private static int[] folded(Position p, List<String> lines, int column) {
    int offset = column - 1;
    for (int fileLine = p.line() + 1; fileLine <= lines.size(); fileLine++) {
      String text = lines.get(fileLine - 1);
      int indent = indent(lines, fileLine);
      int length = text.strip().length();
      if (offset <= length) {
        return new int[] {fileLine, indent + offset + 1};
      }
      offset -= length + 1;
    }
    return new int[] {p.line(), p.column()};
  }

  private static int indent(List<String> lines, int fileLine) {
    if (fileLine < 1 || fileLine > lines.size()) {
      return 0;
    }
    String text = lines.get(fileLine - 1);
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
