package io.tocsin.api.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of search, backtest and validation requests ({@code tocsin.query.*}).
 *
 * @param budget time one request may spend evaluating conditions and reading events
 * @param maxConcurrentSearches searches a tenant may run at once; more get 429
 * @param maxConcurrentBacktests backtests (and validations) a tenant may run at once; more get 429
 * @param maxRuleCost largest estimated cost per event of one rule condition (character visits on a
 *     4 KiB value) accepted when a policy is written
 */
@ConfigurationProperties("tocsin.query")
public record QueryProperties(
    @DefaultValue("5s") Duration budget,
    @DefaultValue("4") int maxConcurrentSearches,
    @DefaultValue("2") int maxConcurrentBacktests,
    @DefaultValue("10000000") long maxRuleCost) {

  public QueryProperties {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("tocsin.query.budget must be positive");
    }
    if (maxConcurrentSearches < 1 || maxConcurrentBacktests < 1 || maxRuleCost < 1) {
      throw new IllegalArgumentException("tocsin.query limits must be positive");
    }
  }
}
