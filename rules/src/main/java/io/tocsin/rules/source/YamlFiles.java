package io.tocsin.rules.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses one YAML (or JSON) document into plain maps and lists (YAML 1.2 core schema, duplicate
 * keys refused) and records where every value starts.
 */
public final class YamlFiles {

  private YamlFiles() {}

  @SuppressWarnings("unchecked")
  public static ParsedFile parse(String name, String text) {
    List<String> lines = text.lines().toList();
    List<FileProblem> problems = new ArrayList<>();
    Map<String, Position> positions = new HashMap<>();
    try {
      Object value = new Load(settings(name)).loadFromString(text);
      Optional<Node> root = new Compose(settings(name)).composeString(text);
      root.ifPresent(n -> index(n, "", positions));
      if (value instanceof Map<?, ?> map) {
        return new ParsedFile(name, lines, (Map<String, Object>) map, positions, problems);
      }
      problems.add(
          new FileProblem(
              name, 1, 1, true, "NOT_A_POLICY", "expected a policy (a mapping with rules)"));
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      problems.add(
          new FileProblem(
              name,
              mark == null ? 1 : mark.getLine() + 1,
              mark == null ? 1 : mark.getColumn() + 1,
              true,
              "YAML_SYNTAX",
              oneLine(e.getContext(), e.getProblem())));
    } catch (YamlEngineException e) {
      problems.add(new FileProblem(name, 1, 1, true, "YAML_SYNTAX", e.getMessage()));
    }
    return new ParsedFile(name, lines, null, positions, problems);
  }

  private static LoadSettings settings(String name) {
    return LoadSettings.builder()
        .setLabel(name)
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(10)
        .build();
  }

  private static void index(Node node, String path, Map<String, Position> out) {
    node.getStartMark().ifPresent(m -> out.put(path, position(node, m)));
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          index(
              t.getValueNode(), path.isEmpty() ? key.getValue() : path + "." + key.getValue(), out);
        }
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        index(items.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static Position position(Node node, Mark m) {
    Position.Style style = null;
    if (node instanceof ScalarNode s) {
      ScalarStyle st = s.getScalarStyle();
      style =
          st == ScalarStyle.FOLDED
              ? Position.Style.FOLDED
              : st == ScalarStyle.LITERAL
                  ? Position.Style.LITERAL
                  : st == ScalarStyle.PLAIN ? Position.Style.PLAIN : Position.Style.QUOTED;
    }
    return new Position(m.getLine() + 1, m.getColumn() + 1, style);
  }

  private static String oneLine(String context, String problem) {
    String p = problem == null ? "invalid YAML" : problem;
    return (context == null ? p : context + ", " + p).replaceAll("\\s+", " ").strip();
  }
}
