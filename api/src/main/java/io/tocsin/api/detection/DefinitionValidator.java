package io.tocsin.api.detection;

import io.tocsin.api.error.ApiException;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyLoader;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Validates a tenant's definitions as one set with the engine's own loader, so that whatever the
 * API accepts is exactly what the engine will load.
 */
@Component
public class DefinitionValidator {

  private final PolicyLoader loader = new PolicyLoader(new DslLanguage());

  public LoadResult validate(TenantDefinitions definitions) {
    return loader.load(definitions.policies(), definitions.lists(), definitions.macros());
  }

  /**
   * Validates and throws 400 VALIDATION_ERROR listing every error when the set is invalid.
   *
   * @param candidateId the policy being written, if any: its problems carry no policy id
   * @return the problems of the set (warnings only)
   */
  public List<Problem> require(TenantDefinitions definitions, String candidateId, String what) {
    LoadResult result = validate(definitions);
    List<Problem> problems =
        result.diagnostics().stream().map(d -> Problem.of(d, candidateId)).toList();
    if (!result.ok()) {
      throw invalid(what, problems.stream().filter(Problem::isError).toList());
    }
    return problems;
  }

  /** A 400 whose {@code details.diagnostics} lists {@code problems}. */
  public static ApiException invalid(String what, List<Problem> problems) {
    StringBuilder message = new StringBuilder(what).append(": found ").append(problems.size());
    message.append(problems.size() == 1 ? " problem" : " problems");
    problems.forEach(p -> message.append('\n').append(p.render()));
    return ApiException.badRequest(message.toString(), Map.of("diagnostics", problems));
  }
}
