package io.tocsin.rules;

import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.pack.Pack;
import io.tocsin.rules.pack.PackManifest;
import io.tocsin.rules.source.FileProblem;
import io.tocsin.rules.source.ParsedFile;
import io.tocsin.rules.source.PolicyFileReader;
import io.tocsin.rules.source.YamlFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The built-in policy pack: {@code policies/pack.yml} (id and version) and one YAML file per policy
 * under {@code policies/<category>/}, listed in {@code policies/index.txt} (a test keeps the index
 * and the folder in step).
 */
public final class BuiltinPolicies {

  static final String ROOT = "policies/";

  private static volatile Pack cached;

  private BuiltinPolicies() {}

  /** The pack's policy definitions, in index order. */
  public static List<PolicyDefinition> load() {
    return builtinPack().definitions();
  }

  /** The pack's policies with their sample events. */
  public static List<PackPolicy> pack() {
    return builtinPack().policies();
  }

  /** The built-in pack: manifest and policies (read once). */
  public static Pack builtinPack() {
    Pack pack = cached;
    if (pack == null) {
      pack = read();
      cached = pack;
    }
    return pack;
  }

  private static Pack read() {
    ParsedFile manifest = YamlFiles.parse("pack.yml", text("pack.yml"));
    if (manifest.tree() == null) {
      throw new IllegalStateException("built-in pack.yml: " + manifest.problems());
    }
    List<PackPolicy> policies = new ArrayList<>();
    for (String resource : index()) {
      PolicyFileReader.Result result =
          PolicyFileReader.read(YamlFiles.parse(resource, text(resource)));
      if (result.policy() == null || result.problems().stream().anyMatch(FileProblem::error)) {
        throw new IllegalStateException(
            "built-in policy does not read:\n"
                + result.problems().stream()
                    .map(FileProblem::toString)
                    .collect(Collectors.joining("\n")));
      }
      policies.add(result.policy());
    }
    return new Pack(PackManifest.of(manifest.tree()), policies);
  }

  static List<String> index() {
    return text("index.txt")
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static String text(String name) {
    try (InputStream in = BuiltinPolicies.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing pack resource " + ROOT + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
