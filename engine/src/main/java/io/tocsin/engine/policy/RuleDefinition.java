package io.tocsin.engine.policy;

import java.util.List;
import java.util.Map;

/**
 * One rule of a policy (DESIGN §5). At most one of {@code threshold}, {@code sequence} and {@code
 * absence} is set; without any, every matching event is a detection (subject to {@code suppress}).
 *
 * @param id unique within the policy
 * @param condition the condition language text; for a sequence rule it is optional and, when given,
 *     must hold for every step
 * @param action {@code alert}, {@code block}, {@code quarantine}, {@code isolate_host}, {@code
 *     kill_process} or {@code notify}; {@code alert} when null
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}; {@code medium}
 *     when null
 * @param parameters action parameters, passed through to detections unchanged
 * @param exceptions conditions that veto a match; kept apart from {@code condition} so that editing
 *     one never drops the other, and so that editing them keeps the rule's correlation state
 */
public record RuleDefinition(
    String id,
    String condition,
    String action,
    String severity,
    Map<String, Object> parameters,
    ThresholdSpec threshold,
    SequenceSpec sequence,
    AbsenceSpec absence,
    SuppressSpec suppress,
    List<String> exceptions) {

  public RuleDefinition {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
  }

  /** A stateless rule: every match is a detection. */
  public static RuleDefinition simple(String id, String condition, String action, String severity) {
    return new RuleDefinition(
        id, condition, action, severity, Map.of(), null, null, null, null, List.of());
  }

  public RuleDefinition withThreshold(ThresholdSpec spec) {
    return new RuleDefinition(
        id, condition, action, severity, parameters, spec, sequence, absence, suppress, exceptions);
  }

  public RuleDefinition withSequence(SequenceSpec spec) {
    return new RuleDefinition(
        id,
        condition,
        action,
        severity,
        parameters,
        threshold,
        spec,
        absence,
        suppress,
        exceptions);
  }

  public RuleDefinition withAbsence(AbsenceSpec spec) {
    return new RuleDefinition(
        id,
        condition,
        action,
        severity,
        parameters,
        threshold,
        sequence,
        spec,
        suppress,
        exceptions);
  }

  public RuleDefinition withSuppress(SuppressSpec spec) {
    return new RuleDefinition(
        id,
        condition,
        action,
        severity,
        parameters,
        threshold,
        sequence,
        absence,
        spec,
        exceptions);
  }

  public RuleDefinition withExceptions(List<String> values) {
    return new RuleDefinition(
        id,
        condition,
        action,
        severity,
        parameters,
        threshold,
        sequence,
        absence,
        suppress,
        values);
  }

  public RuleDefinition withCondition(String text) {
    return new RuleDefinition(
        id, text, action, severity, parameters, threshold, sequence, absence, suppress, exceptions);
  }
}
