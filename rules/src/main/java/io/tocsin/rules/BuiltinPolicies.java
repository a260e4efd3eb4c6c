package io.tocsin.rules;

import io.tocsin.engine.policy.PolicyDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The built-in policy pack: one YAML file per policy under {@code policies/<category>/}, listed in
 * {@code policies/index.txt} (a test keeps the index and the folder in step).
 */
public final class BuiltinPolicies {

  static final String ROOT = "policies/";
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private BuiltinPolicies() {}

  /** The pack's policy definitions, in index order. */
  public static List<PolicyDefinition> load() {
    return pack().stream().map(PackPolicy::definition).toList();
  }

  /** The pack with each policy's sample events. */
  public static List<PackPolicy> pack() {
    List<PackPolicy> pack = new ArrayList<>();
    for (String resource : index()) {
      pack.add(read(resource));
    }
    return List.copyOf(pack);
  }

  static List<String> index() {
    return new String(resource("index.txt"), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static PackPolicy read(String resource) {
    Map<String, Object> tree = YAML.readValue(resource(resource), Map.class);
    Map<String, Object> samples = (Map<String, Object>) tree.getOrDefault("samples", Map.of());
    try {
      return new PackPolicy(
          resource,
          PolicyMaps.policy(tree),
          (List<Map<String, Object>>) samples.getOrDefault("positive", List.of()),
          (List<Map<String, Object>>) samples.getOrDefault("negative", List.of()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = BuiltinPolicies.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing pack resource " + ROOT + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
