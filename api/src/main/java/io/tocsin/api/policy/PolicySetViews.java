package io.tocsin.api.policy;

import java.util.List;

/** Body and answer of {@code POST /policies/apply}. */
final class PolicySetViews {

  private PolicySetViews() {}

  /**
   * The whole set to apply. Documented only: {@link PolicySetService} reads the raw body.
   *
   * @param policies every policy needs an id
   * @param prune delete the tenant's policies that are not in the set (default false)
   */
  record PolicySetRequest(List<PolicySource> policies, Boolean prune) {}

  /**
   * The plan, applied unless {@code dry_run}.
   *
   * @param applied something was written (false on a dry run or when nothing changes)
   */
  record PolicySetPlan(
      List<String> created,
      List<PolicySetUpdate> updated,
      List<String> deleted,
      List<String> unchanged,
      boolean dryRun,
      boolean applied) {}

  /**
   * A policy the set changes.
   *
   * @param changes the members that differ, e.g. {@code name}, {@code rules[r1].severity}
   */
  record PolicySetUpdate(String id, List<String> changes) {}
}
