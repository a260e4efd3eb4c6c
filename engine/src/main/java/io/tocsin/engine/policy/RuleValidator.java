package io.tocsin.engine.policy;

import io.tocsin.dsl.ast.Expr;
import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.engine.condition.ConditionProblem;
import io.tocsin.engine.condition.ExprText;
import io.tocsin.engine.condition.ParsedCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validates the rules of one policy; every problem goes to the shared diagnostics. */
final class RuleValidator {

  static final int MAX_THRESHOLD_COUNT = 100_000;
  static final int MAX_SEQUENCE_STEPS = 16;

  private final ConditionLanguage language;
  private final Map<String, List<String>> lists;
  private final Map<String, String> macros;
  private final Diagnostics diags;
  private final PolicyDefinition policy;
  private final Set<String> usedLists;
  private final Set<String> usedMacros;

  /** Id of the rule being validated, carried by its diagnostics; null outside rules. */
  private String currentRuleId;

  RuleValidator(
      ConditionLanguage language,
      Map<String, List<String>> lists,
      Map<String, String> macros,
      Diagnostics diags,
      PolicyDefinition policy,
      Set<String> usedLists,
      Set<String> usedMacros) {
    this.language = language;
    this.lists = lists;
    this.macros = macros;
    this.diags = diags;
    this.policy = policy;
    this.usedLists = usedLists;
    this.usedMacros = usedMacros;
  }

  List<ValidatedRule> validateAll() {
    if (policy.name() == null || policy.name().isBlank()) {
      diags.error("MISSING_NAME", policy.id(), "name", "policy has no name");
    }
    if (policy.rules().isEmpty()) {
      diags.error("NO_RULES", policy.id(), "rules", "policy has no rules");
    }
    List<String> mitre =
        policy.tags().stream()
            .filter(t -> t != null && t.toLowerCase(Locale.ROOT).startsWith("attack."))
            .toList();
    Set<String> ruleIds = new HashSet<>();
    List<ValidatedRule> out = new ArrayList<>();
    for (int r = 0; r < policy.rules().size(); r++) {
      RuleDefinition rule = policy.rules().get(r);
      String at = "rules[" + r + "]";
      currentRuleId = rule == null ? null : rule.id();
      if (rule == null) {
        error("INVALID_RULE", at, "rule is null");
        continue;
      }
      if (rule.id() == null || rule.id().isBlank()) {
        error("MISSING_ID", at + ".id", "rule has no id");
      } else if (!ruleIds.add(rule.id())) {
        error("DUPLICATE_RULE_ID", at + ".id", "duplicate rule id [" + rule.id() + "]");
      }
      validate(rule, at, mitre).ifPresent(out::add);
    }
    currentRuleId = null;
    return out;
  }

  private Optional<ValidatedRule> validate(RuleDefinition rule, String at, List<String> mitre) {
    int errorsBefore = errorCount();
    Action action = Action.ALERT;
    if (rule.action() != null) {
      action = Action.parse(rule.action()).orElse(null);
      if (action == null) {
        error(
            "INVALID_ACTION",
            at + ".action",
            "unknown action [" + rule.action() + "], expected one of " + names(Action.values()));
      }
    }
    Severity severity = Severity.MEDIUM;
    if (rule.severity() != null) {
      severity = Severity.parse(rule.severity()).orElse(null);
      if (severity == null) {
        error(
            "INVALID_SEVERITY",
            at + ".severity",
            "unknown severity ["
                + rule.severity()
                + "], expected one of "
                + names(Severity.values()));
      }
    }
    int kinds =
        (rule.threshold() != null ? 1 : 0)
            + (rule.sequence() != null ? 1 : 0)
            + (rule.absence() != null ? 1 : 0);
    if (kinds > 1) {
      error("CONFLICTING_CORRELATION", at, "use at most one of threshold, sequence and absence");
    }
    boolean conditionOptional = rule.sequence() != null;
    Expr condition = null;
    if (rule.condition() == null || rule.condition().isBlank()) {
      if (!conditionOptional) {
        error("MISSING_CONDITION", at + ".condition", "rule has no condition");
      }
    } else {
      condition = parse(rule.condition(), at + ".condition");
    }
    List<Expr> exceptions = new ArrayList<>();
    for (int i = 0; i < rule.exceptions().size(); i++) {
      Expr e = parse(rule.exceptions().get(i), at + ".exceptions[" + i + "]");
      if (e != null) {
        exceptions.add(e);
      }
    }
    Correlation correlation = correlation(rule, at, condition);
    Optional<Suppression> suppression = suppression(rule.suppress(), at + ".suppress");
    if (errorCount() > errorsBefore) {
      return Optional.empty();
    }
    String fingerprint =
        ExprText.sha256(
            policy.id()
                + "\n"
                + rule.id()
                + "\n"
                + (condition == null ? "" : ExprText.render(condition))
                + "\n"
                + describe(correlation));
    return Optional.of(
        new ValidatedRule(
            policy.id(),
            policy.name(),
            mitre,
            rule,
            severity,
            action,
            condition,
            exceptions,
            correlation,
            suppression,
            fingerprint));
  }

  private Correlation correlation(RuleDefinition rule, String at, Expr condition) {
    if (rule.threshold() != null) {
      ThresholdSpec t = rule.threshold();
      String loc = at + ".threshold";
      if (t.count() < 1 || t.count() > MAX_THRESHOLD_COUNT) {
        error(
            "INVALID_THRESHOLD",
            loc + ".count",
            "count must be between 1 and " + MAX_THRESHOLD_COUNT + ", got [" + t.count() + "]");
      }
      Duration within = duration(t.within(), loc + ".within");
      fields(t.groupBy(), loc + ".group_by");
      if (t.distinct() != null) {
        fields(List.of(t.distinct()), loc + ".distinct");
      }
      return within == null
          ? new Correlation.None()
          : new Correlation.Threshold(t.count(), within, t.groupBy(), t.distinct());
    }
    if (rule.sequence() != null) {
      SequenceSpec s = rule.sequence();
      String loc = at + ".sequence";
      Duration within = duration(s.within(), loc + ".within");
      fields(s.by(), loc + ".by");
      if (s.steps().size() < 2 || s.steps().size() > MAX_SEQUENCE_STEPS) {
        error(
            "INVALID_SEQUENCE",
            loc + ".steps",
            "a sequence needs 2 to " + MAX_SEQUENCE_STEPS + " steps, got " + s.steps().size());
      }
      List<Expr> steps = new ArrayList<>();
      for (int i = 0; i < s.steps().size(); i++) {
        Expr step = parse(s.steps().get(i), loc + ".steps[" + i + "]");
        if (step != null) {
          steps.add(PolicyLoader.and(condition, step));
        }
      }
      return within == null
          ? new Correlation.None()
          : new Correlation.Sequence(s.by(), within, steps, s.inOrder());
    }
    if (rule.absence() != null) {
      AbsenceSpec a = rule.absence();
      String loc = at + ".absence";
      Duration within = duration(a.within(), loc + ".within");
      fields(a.by(), loc + ".by");
      Expr expect = null;
      if (a.expect() == null || a.expect().isBlank()) {
        error("MISSING_CONDITION", loc + ".expect", "absence needs an expect condition");
      } else {
        expect = parse(a.expect(), loc + ".expect");
      }
      return within == null || expect == null
          ? new Correlation.None()
          : new Correlation.Absence(expect, within, a.by());
    }
    return new Correlation.None();
  }

  private Optional<Suppression> suppression(SuppressSpec s, String loc) {
    if (s == null) {
      return Optional.empty();
    }
    Duration period = duration(s.forPeriod(), loc + ".for");
    fields(s.groupBy(), loc + ".group_by");
    return period == null ? Optional.empty() : Optional.of(new Suppression(period, s.groupBy()));
  }

  private Expr parse(String text, String loc) {
    if (text == null || text.isBlank()) {
      error("MISSING_CONDITION", loc, "empty condition");
      return null;
    }
    ParsedCondition parsed = language.parse(text, lists, macros);
    usedLists.addAll(parsed.lists());
    usedMacros.addAll(parsed.macros());
    for (ConditionProblem p : parsed.problems()) {
      diags.add(
          new LoadDiagnostic(
              p.error() ? LoadDiagnostic.Level.ERROR : LoadDiagnostic.Level.WARNING,
              p.code(),
              policy.id(),
              loc,
              Math.max(p.line(), 0),
              Math.max(p.column(), 0),
              currentRuleId,
              p.message()));
    }
    if (!parsed.ok() && parsed.problems().stream().noneMatch(ConditionProblem::error)) {
      error("INVALID_CONDITION", loc, "condition could not be analyzed");
    }
    return parsed.ok() ? parsed.root() : null;
  }

  private Duration duration(String text, String loc) {
    Optional<Duration> d = Durations.parse(text);
    if (d.isEmpty()) {
      error(
          "INVALID_DURATION",
          loc,
          "invalid duration [" + text + "], expected e.g. 30s, 5m, 1h, 1d");
    }
    return d.orElse(null);
  }

  private void fields(List<String> paths, String loc) {
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      if (!FieldNames.known(path)) {
        String hint =
            FieldNames.suggest(String.valueOf(path))
                .map(s -> ", did you mean [" + s + "]?")
                .orElse("");
        error("UNKNOWN_FIELD", loc + "[" + i + "]", "unknown field [" + path + "]" + hint);
      }
    }
  }

  private static String describe(Correlation c) {
    if (c instanceof Correlation.Threshold t) {
      return "threshold "
          + t.count()
          + " "
          + t.within()
          + " "
          + t.groupBy()
          + (t.distinct() == null ? "" : " distinct " + t.distinct());
    }
    if (c instanceof Correlation.Sequence s) {
      StringBuilder sb =
          new StringBuilder(
              "sequence " + s.by() + " " + s.within() + (s.ordered() ? "" : " unordered"));
      s.steps().forEach(step -> sb.append(' ').append(ExprText.render(step)));
      return sb.toString();
    }
    if (c instanceof Correlation.Absence a) {
      return "absence " + ExprText.render(a.expect()) + " " + a.within() + " " + a.by();
    }
    return "none";
  }

  private static String names(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> v : values) {
      names.add(v.name().toLowerCase(Locale.ROOT));
    }
    return names.toString();
  }

  private void error(String code, String location, String message) {
    diags.add(
        new LoadDiagnostic(
            LoadDiagnostic.Level.ERROR, code, policy.id(), location, 0, 0, currentRuleId, message));
  }

  private int errorCount() {
    return (int) diags.all().stream().filter(LoadDiagnostic::isError).count();
  }
}
