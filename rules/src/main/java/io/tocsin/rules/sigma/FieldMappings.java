package io.tocsin.rules.sigma;

import io.tocsin.model.FieldCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Sigma field names to canonical Tocsin fields, by logsource, read from editable YAML files (the
 * built-in ones are {@code sigma/mappings/*.yml}, listed in {@code index.txt}). A file applies to a
 * rule when every key of its {@code logsource} equals the rule's; files apply in order, later ones
 * winning. A field no file names is kept as {@code payload.<Field>}, never dropped.
 */
public final class FieldMappings {

  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final String ROOT = "sigma/mappings/";

  private final List<Mapping> mappings;

  /**
   * One mapping file.
   *
   * @param condition condition-language text every rule of this logsource also needs, or null
   * @param keywords the fields a keyword search looks in
   */
  record Mapping(
      String name,
      Map<String, String> logsource,
      String condition,
      List<String> keywords,
      Map<String, String> fields) {}

  /** What applies to one rule. */
  record Resolved(
      Map<String, String> fields,
      List<String> conditions,
      List<String> keywords,
      List<String> names) {

    String field(String sigmaField) {
      String mapped = fields.get(sigmaField);
      if (mapped != null) {
        return mapped;
      }
      if (FieldCatalog.typeOf(sigmaField).isPresent()
          && !sigmaField.startsWith(FieldCatalog.PAYLOAD_PREFIX)
          && sigmaField.contains(".")) {
        return sigmaField; // already a canonical (ECS-style) name
      }
      return FieldCatalog.PAYLOAD_PREFIX + sigmaField;
    }
  }

  private FieldMappings(List<Mapping> mappings) {
    this.mappings = List.copyOf(mappings);
  }

  /** The built-in mapping files. */
  public static FieldMappings builtin() {
    List<Mapping> out = new ArrayList<>();
    for (String file : index(new String(resource("index.txt"), StandardCharsets.UTF_8))) {
      out.add(read(file, resource(file)));
    }
    return new FieldMappings(out);
  }

  /** Every {@code *.yml} file of a folder, in name order (for a detection-as-code repository). */
  public static FieldMappings fromDirectory(Path dir) throws IOException {
    List<Mapping> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
        out.add(read(f.getFileName().toString(), Files.readAllBytes(f)));
      }
    }
    return new FieldMappings(out);
  }

  Resolved resolve(Map<String, String> logsource) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    List<String> keywords = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Mapping m : mappings) {
      if (!applies(m, logsource)) {
        continue;
      }
      names.add(m.name());
      fields.putAll(m.fields());
      if (m.condition() != null) {
        conditions.add(m.condition());
      }
      if (!m.keywords().isEmpty()) {
        keywords = new ArrayList<>(m.keywords());
      }
    }
    return new Resolved(fields, conditions, keywords, names);
  }

  private static boolean applies(Mapping m, Map<String, String> logsource) {
    for (Map.Entry<String, String> e : m.logsource().entrySet()) {
      String value = logsource.get(e.getKey());
      if (value == null || !value.equalsIgnoreCase(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Mapping read(String file, byte[] bytes) {
    Map<String, Object> tree = YAML.readValue(bytes, Map.class);
    Map<String, String> logsource = new LinkedHashMap<>();
    ((Map<String, Object>) tree.getOrDefault("logsource", Map.of()))
        .forEach((k, v) -> logsource.put(k, String.valueOf(v).toLowerCase(Locale.ROOT)));
    Map<String, String> fields = new LinkedHashMap<>();
    ((Map<String, Object>) tree.getOrDefault("fields", Map.of()))
        .forEach((k, v) -> fields.put(k, String.valueOf(v)));
    Object condition = tree.get("condition");
    List<String> keywords =
        ((List<Object>) tree.getOrDefault("keywords", List.of()))
            .stream().map(String::valueOf).toList();
    return new Mapping(
        String.valueOf(tree.getOrDefault("name", file)),
        logsource,
        condition == null ? null : condition.toString(),
        keywords,
        fields);
  }

  private static List<String> index(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static byte[] resource(String name) {
    try (InputStream in = FieldMappings.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing Sigma mapping resource " + ROOT + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
