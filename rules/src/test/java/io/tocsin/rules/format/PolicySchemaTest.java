package io.tocsin.rules.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.format.PolicySchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds the published schema, the shared reader and the shipped pack together: the schema names
 * exactly the members the reader accepts, every pack policy file validates against it (with a real
 * JSON Schema validator) and reads without a problem, and typical mistakes fail it.
 */
class PolicySchemaTest {

  private static final JsonNode SCHEMA = JsonMapper.builder().build().readTree(PolicySchema.json());
  private static final Path PACK = Path.of("src/main/resources/policies");
  private static final Schema VALIDATOR =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(PolicySchema.json());
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void schemaMembersThenExactlyTheReadersMembers() {
    Set<String> document = new HashSet<>(PolicyDocument.POLICY_MEMBERS);
    document.addAll(PolicyDocument.IGNORED_MEMBERS);
    assertThat(names(SCHEMA)).isEqualTo(document);
    JsonNode rule = SCHEMA.path("$defs").path("rule");
    assertThat(names(rule)).isEqualTo(PolicyDocument.RULE_MEMBERS);
    PolicyDocument.BLOCK_MEMBERS.forEach(
        (block, members) ->
            assertThat(names(rule.path("properties").path(block))).as(block).isEqualTo(members));
    assertThat(SCHEMA.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(rule.path("additionalProperties").asBoolean(true)).isFalse();
  }

  static Stream<Path> packFiles() throws IOException {
    try (Stream<Path> files = Files.walk(PACK)) {
      return files
          .filter(f -> f.toString().endsWith(".yml") && !f.endsWith("pack.yml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void packThenHasPolicies() throws IOException {
    assertThat(packFiles().count()).isGreaterThan(10);
  }

  @ParameterizedTest
  @MethodSource("packFiles")
  @SuppressWarnings("unchecked")
  void packPolicyThenOnlySchemaMembersAndReadsClean(Path file) throws IOException {
    Map<String, Object> tree = YAML.readValue(file.toFile(), Map.class);

    assertThat(VALIDATOR.validate(YAML.readTree(file.toFile())))
        .extracting(Error::toString)
        .isEmpty();

    assertThat(tree.keySet()).isSubsetOf(names(SCHEMA));
    JsonNode rule = SCHEMA.path("$defs").path("rule");
    for (Object r : (List<Object>) tree.get("rules")) {
      Map<String, Object> m = (Map<String, Object>) r;
      assertThat(m.keySet()).isSubsetOf(names(rule));
      PolicyDocument.BLOCK_MEMBERS.keySet().stream()
          .filter(m::containsKey)
          .forEach(
              b ->
                  assertThat(((Map<String, Object>) m.get(b)).keySet())
                      .isSubsetOf(names(rule.path("properties").path(b))));
    }
    assertThat(tree.get("id")).asString().matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}");
    assertThat(PolicyDocument.read(tree).problems()).isEmpty();
  }

  @Test
  void misspeltMemberWrongTypeAndBadDurationThenSchemaErrors() {
    JsonNode bad =
        YAML.readTree(
            """
            id: x
            name: X
            enabled: "yes"
            rules:
              - condition: process.name == 'a'
                treshold: {count: 5}
                suppress: {for: soon}
            """);

    assertThat(VALIDATOR.validate(bad))
        .extracting(e -> e.getInstanceLocation().toString())
        .containsExactlyInAnyOrder("/enabled", "/rules/0", "/rules/0/suppress/for");
  }

  private static Set<String> names(JsonNode schema) {
    Set<String> out = new HashSet<>();
    schema.path("properties").propertyNames().forEach(out::add);
    return out;
  }
}
