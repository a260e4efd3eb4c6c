package io.tocsin.api.search;

import io.tocsin.dsl.ConditionContext;

/** The tenant's named lists and macros a search query may use (the lists feature owns them). */
public interface ConditionContexts {

  ConditionContext contextFor(String tenantId);
}
