package io.tocsin.rules.source;

import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.rules.PackPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a parsed policy file into a {@link PackPolicy}: the policy members through the shared
 * {@link PolicyDocument} reader (the API's strictness), then the pack's own members (samples, false
 * positives, references), every problem with its file position. Conditions are the engine's job.
 */
public final class PolicyFileReader {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}");

  private static final Set<String> SAMPLES = Set.of("positive", "negative");
  private static final Set<String> SCENARIO = Set.of("events", "repeat");

  private final ParsedFile file;
  private final List<FileProblem> problems = new ArrayList<>();

  private PolicyFileReader(ParsedFile file) {
    this.file = file;
  }

  /**
   * The policy and its problems.
   *
   * @param policy null when the file has errors that keep it from being read
   */
  public record Result(PackPolicy policy, List<FileProblem> problems) {}

  public static Result read(ParsedFile file) {
    if (file.tree() == null) {
      return new Result(null, file.problems());
    }
    return new PolicyFileReader(file).read();
  }

  private Result read() {
    Map<String, Object> tree = file.tree();
    PolicyDocument.Parsed document = PolicyDocument.read(tree);
    document.problems().forEach(this::report);
    Object id = tree.get("id");
    if (id == null) {
      error("", "MISSING_ID", "policy has no id (a stable id is how the server knows it)");
    } else if (!ID.matcher(id.toString()).matches()) {
      error(
          "id",
          "INVALID_ID",
          "invalid policy id [" + id + "]: use letters, digits, '_', '-' and '.' (at most 128)");
    }
    List<Map<String, Object>> positive = List.of();
    List<Map<String, Object>> negative = List.of();
    Object samples = tree.get("samples");
    if (samples instanceof Map<?, ?> s) {
      members(s, SAMPLES, "samples.");
      positive = samples(s.get("positive"), "samples.positive");
      negative = samples(s.get("negative"), "samples.negative");
    } else if (samples != null) {
      error("samples", "INVALID_TYPE", "samples: expected an object with positive and negative");
    }
    List<String> falsePositives = strings(tree.get("false_positives"), "false_positives");
    List<String> references = strings(tree.get("references"), "references");
    // Built even with shape errors, so that one check also reports the engine's findings; the
    // errors above still fail the check, so such a policy is never pushed.
    PackPolicy policy =
        new PackPolicy(
            file.name(),
            document.definition(document.id(), true),
            positive,
            negative,
            falsePositives,
            references);
    return new Result(policy, List.copyOf(problems));
  }

  private void report(LoadDiagnostic d) {
    problems.add(file.problem(d.path(), 0, 0, d.isError(), d.code(), d.message()));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> samples(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      error(at, "INVALID_SAMPLE", at + ": expected a list of events");
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String item = at + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> sample)) {
        error(item, "INVALID_SAMPLE", item + ": expected an event or {events: [...], repeat: n}");
        continue;
      }
      if (sample.containsKey("events")) {
        members(sample, SCENARIO, item + ".");
        if (!(sample.get("events") instanceof List<?> events)
            || events.isEmpty()
            || !events.stream().allMatch(Map.class::isInstance)) {
          error(item + ".events", "INVALID_SAMPLE", item + ".events: expected a list of events");
          continue;
        }
        Object repeat = sample.get("repeat");
        if (repeat != null
            && !(repeat instanceof Integer n && n >= 1 && n <= SampleLimits.MAX_REPEAT)) {
          error(
              item + ".repeat",
              "INVALID_SAMPLE",
              item + ".repeat: expected an integer from 1 to " + SampleLimits.MAX_REPEAT);
          continue;
        }
      }
      out.add((Map<String, Object>) sample);
    }
    return out;
  }

  private List<String> strings(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    error(at, "INVALID_TYPE", at + ": expected a list of strings");
    return List.of();
  }

  private void members(Map<?, ?> map, Set<String> allowed, String prefix) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        error(
            prefix + key,
            "UNKNOWN_MEMBER",
            "unknown member ["
                + prefix
                + key
                + "], expected one of "
                + allowed.stream().sorted().toList());
      }
    }
  }

  private void error(String path, String code, String message) {
    problems.add(file.problem(path, 0, 0, true, code, message));
  }
}
