package io.tocsin.rules.source;

import java.util.List;
import java.util.Map;

/**
 * A policy file after YAML parsing: its value tree, where every value starts, and syntax problems.
 *
 * @param name the file name used in problems
 * @param tree the top-level mapping; null when the file is not a mapping or does not parse
 * @param positions value positions by path ({@code rules[0].condition}, {@code
 *     samples.positive[1]})
 */
public record ParsedFile(
    String name,
    List<String> lines,
    Map<String, Object> tree,
    Map<String, Position> positions,
    List<FileProblem> problems) {

  public ParsedFile {
    lines = List.copyOf(lines);
    positions = Map.copyOf(positions);
    problems = List.copyOf(problems);
  }

  /** The position of {@code path}, or of its closest ancestor that has one. */
  public Position positionOf(String path) {
    String at = path;
    while (at != null && !at.isEmpty()) {
      Position p = positions.get(at);
      if (p != null) {
        return p;
      }
      at = parent(at);
    }
    return new Position(1, 1, null);
  }

  /**
   * The file position of {@code line:column} inside the string at {@code path} (a condition); the
   * string's own position when {@code line} is 0.
   */
  public FileProblem problem(
      String path, int line, int column, boolean error, String code, String msg) {
    Position p = positionOf(path);
    int[] at = StringPositions.map(p, lines, line, column);
    return new FileProblem(name, at[0], at[1], error, code, msg);
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? null : path.substring(0, cut);
  }
}
