package io.tocsin.rules.source;

import io.tocsin.rules.sigma.SigmaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A policies repository on disk: every {@code *.yml}, {@code *.yaml} and {@code *.json} file below
 * the directory is one policy, except three optional files at its top: {@code pack.yml} (the
 * manifest), {@code lists.yml} (named lists, {@code name: [values]}) and {@code macros.yml} ({@code
 * name: condition}) that the policies may use. Sigma rules (a top-level {@code detection:} or
 * {@code correlation:}) are checked by the Sigma importer instead. Hidden folders ({@code .git})
 * are skipped.
 */
public final class PolicyDirectory {

  static final List<String> SPECIAL = List.of("pack.yml", "lists.yml", "macros.yml");

  private PolicyDirectory() {}

  /** Reads and checks every policy file of {@code dir} (or the single file {@code dir}). */
  public static CheckReport check(Path dir) {
    List<ParsedFile> files = new ArrayList<>();
    List<SigmaSource> sigma = new ArrayList<>();
    for (Path file : policyFiles(dir)) {
      String text = read(file);
      if (SigmaFiles.isSigma(text)) {
        sigma.add(new SigmaSource(name(dir, file), text));
      } else {
        files.add(YamlFiles.parse(name(dir, file), text));
      }
    }
    List<FileProblem> problems = new ArrayList<>(SigmaFiles.check(sigma));
    Map<String, List<String>> lists = lists(dir, problems);
    Map<String, String> macros = macros(dir, problems);
    CheckReport report = PolicyChecker.check(files, lists, macros);
    if (problems.isEmpty()) {
      return report;
    }
    problems.addAll(report.problems());
    return new CheckReport(report.policies(), problems, lists, macros);
  }

  /** The policy files, sorted by path. */
  public static List<Path> policyFiles(Path dir) {
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such file or directory: " + dir);
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !hidden(dir, p))
          .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
          .filter(p -> !(p.getParent().equals(dir) && SPECIAL.contains(name(dir, p))))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(Path dir, Path file) {
    if (Files.isRegularFile(dir)) {
      return file.getFileName().toString();
    }
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static boolean hidden(Path dir, Path file) {
    for (Path part : dir.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, List<String>> lists(Path dir, List<FileProblem> problems) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    definitions(dir, "lists.yml", problems)
        .forEach(
            (name, value) -> {
              if (value instanceof List<?> items) {
                out.put(name, items.stream().map(String::valueOf).toList());
              } else {
                problems.add(
                    new FileProblem(
                        "lists.yml",
                        1,
                        1,
                        true,
                        "INVALID_LIST",
                        "list [" + name + "]: expected a list"));
              }
            });
    return out;
  }

  private static Map<String, String> macros(Path dir, List<FileProblem> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    definitions(dir, "macros.yml", problems)
        .forEach((name, value) -> out.put(name, String.valueOf(value)));
    return out;
  }

  private static Map<String, Object> definitions(
      Path dir, String fileName, List<FileProblem> problems) {
    Path file = Files.isDirectory(dir) ? dir.resolve(fileName) : null;
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    ParsedFile parsed = YamlFiles.parse(fileName, read(file));
    problems.addAll(parsed.problems());
    return parsed.tree() == null ? Map.of() : parsed.tree();
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
