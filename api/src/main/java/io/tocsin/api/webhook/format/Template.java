package io.tocsin.api.webhook.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON template with {@code {{path}}} placeholders in its strings, e.g. {@code {"text": "{{
 * alert.title }} on {{alert.host_id}}"}}. A string that is exactly one placeholder takes the
 * field's JSON value (number, list, object); elsewhere the value is inserted as text. Paths are
 * dotted names under {@code alert} (for {@code case.*} events: {@code case}), {@code event}, {@code
 * timestamp}, {@code webhook} and {@code link}; nothing is evaluated, so there is no code
 * execution. A path the alert lacks fails the delivery, loudly, instead of sending a half-filled
 * message.
 */
public final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");
  private static final Set<String> ROOTS =
      Set.of("alert", "case", "event", "timestamp", "webhook", "link");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Template() {}

  /** Checks a template on save: JSON object, well-formed placeholders with known roots. */
  public static void validate(String template) {
    render(template, null);
  }

  /** The template with every placeholder replaced from {@code values}. */
  public static Object render(String template, Map<String, Object> values) {
    Object tree;
    try {
      tree = JSON.readValue(template, Object.class);
    } catch (JacksonException e) {
      throw new TemplateException("template is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(tree instanceof Map)) {
      throw new TemplateException("template must be a JSON object");
    }
    return walk(tree, values);
  }

  private static Object walk(Object node, Map<String, Object> values) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k.toString(), walk(v, values)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(walk(v, values)));
      return out;
    }
    return node instanceof String s ? substitute(s, values) : node;
  }

  private static Object substitute(String text, Map<String, Object> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    if (m.matches()) {
      return lookup(m.group(1), values);
    }
    if (PLACEHOLDER.matcher(text).replaceAll("").contains("{{")) {
      throw new TemplateException("template has an unclosed placeholder in [" + text + "]");
    }
    StringBuilder out = new StringBuilder();
    m.reset();
    while (m.find()) {
      Object value = lookup(m.group(1), values);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Object lookup(String path, Map<String, Object> values) {
    if (!PATH.matcher(path).matches()) {
      throw new TemplateException("template placeholder [" + path + "] is not a dotted field name");
    }
    String[] parts = path.split("\\.");
    if (!ROOTS.contains(parts[0])) {
      throw new TemplateException(
          "template placeholder ["
              + path
              + "] must start with alert, case, event, timestamp, webhook or link");
    }
    if (values == null) {
      return null;
    }
    Object current = values;
    for (String part : parts) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        throw new TemplateException("template field [" + path + "] is missing from the alert");
      }
      current = map.get(part);
    }
    return current;
  }
}
