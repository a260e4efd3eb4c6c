package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The metadata of one Sigma rule document, and its policy's metadata in Tocsin terms. */
record SigmaRule(SigmaDocument doc, String id, String name, String title) {

  private static final Pattern POLICY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,120}");

  static SigmaRule of(SigmaDocument doc) {
    Map<String, Object> t = doc.tree();
    return new SigmaRule(doc, text(t.get("id")), text(t.get("name")), text(t.get("title")));
  }

  Map<String, Object> tree() {
    return doc.tree();
  }

  String source() {
    return doc.source() + "#" + doc.index();
  }

  boolean isCorrelation() {
    return tree().containsKey("correlation");
  }

  /** {@code sigma-<id>}, so a re-import updates the same policy. */
  String policyId() {
    String base = id != null ? id : title == null ? null : slug(title);
    if (base == null || !POLICY_ID.matcher(base).matches()) {
      throw new SigmaRejection("rule needs an [id] of letters, digits, [.], [_] and [-]");
    }
    return "sigma-" + base;
  }

  Map<String, String> logsource() {
    Map<String, String> out = new LinkedHashMap<>();
    if (tree().get("logsource") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v).toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /** informational and low are both low; Tocsin has no informational severity. */
  String severity(List<String> notes) {
    String level = text(tree().get("level"));
    if (level == null) {
      notes.add("no [level]: severity medium");
      return "medium";
    }
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "informational" -> {
        notes.add("level informational has no Tocsin severity: low");
        yield "low";
      }
      case "low", "medium", "high", "critical" -> level.toLowerCase(Locale.ROOT);
      default -> throw new SigmaRejection("unknown level [" + level + "]");
    };
  }

  List<String> tags() {
    List<String> out = new ArrayList<>();
    for (Object tag : list(tree().get("tags"))) {
      out.add(String.valueOf(tag).toLowerCase(Locale.ROOT));
    }
    out.add("sigma");
    return out;
  }

  /** Sigma metadata kept with the rule; it reaches every detection as {@code parameters.sigma}. */
  Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    for (String key : List.of("name", "status", "level", "author", "date", "modified", "license")) {
      if (tree().get(key) != null) {
        m.put(key, text(tree().get(key)));
      }
    }
    m.put("references", strings(tree().get("references")));
    m.put("falsepositives", strings(tree().get("falsepositives")));
    m.put("tags", strings(tree().get("tags")));
    if (!logsource().isEmpty()) {
      m.put("logsource", logsource());
    }
    m.put("source", source());
    return m;
  }

  String description() {
    StringBuilder d = new StringBuilder();
    String given = text(tree().get("description"));
    d.append(given == null ? title : given.strip());
    List<String> fps = strings(tree().get("falsepositives"));
    if (!fps.isEmpty()) {
      d.append("\n\nFalse positives: ").append(String.join("; ", fps));
    }
    List<String> refs = strings(tree().get("references"));
    if (!refs.isEmpty()) {
      d.append("\n\nReferences: ").append(String.join(" ", refs));
    }
    return d.toString();
  }

  private static List<String> strings(Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }

  private static List<?> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> l ? l : List.of(value);
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
