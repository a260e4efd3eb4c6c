package io.tocsin.api.detection;

import io.tocsin.api.error.ApiException;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Validates a tenant's definitions as one set with the engine's own loader, so that whatever the
 * API accepts is exactly what the engine will load.
 */
@Component
public class DefinitionValidator {

  /** Sets validated lately: a write validates, then every engine applying it asks again. */
  private static final int REMEMBERED = 32;

  private final PolicyLoader loader = new PolicyLoader(new DslLanguage());
  private final LongAdder loads = new LongAdder();
  private final Map<TenantDefinitions, LoadResult> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantDefinitions, LoadResult> eldest) {
          return size() > REMEMBERED;
        }
      };

  /**
   * The engine loader's result for the set. Results are pure functions of the set's content, so a
   * set equal to one validated lately (the one a write just stored, now read back by the engines)
   * is answered from memory instead of being validated again.
   */
  public LoadResult validate(TenantDefinitions definitions) {
    synchronized (recent) {
      LoadResult known = recent.get(definitions);
      if (known != null) {
        return known;
      }
    }
    loads.increment();
    LoadResult result =
        loader.load(definitions.policies(), definitions.lists(), definitions.macros());
    synchronized (recent) {
      recent.put(definitions, result);
    }
    return result;
  }

  /** How many sets were actually run through the loader (memory hits excluded), for tests. */
  public long loads() {
    return loads.sum();
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
