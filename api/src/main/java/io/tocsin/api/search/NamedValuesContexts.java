package io.tocsin.api.search;

import io.tocsin.api.list.NamedValues;
import io.tocsin.dsl.ConditionContext;
import org.springframework.stereotype.Component;

/** The tenant's lists and macros from {@link NamedValues}. */
@Component
class NamedValuesContexts implements ConditionContexts {

  private final NamedValues values;

  NamedValuesContexts(NamedValues values) {
    this.values = values;
  }

  @Override
  public ConditionContext contextFor(String tenantId) {
    return values.contextFor(tenantId);
  }
}
