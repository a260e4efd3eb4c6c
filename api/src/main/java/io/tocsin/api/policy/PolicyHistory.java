package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.policy.PolicyViews.PolicyVersionPage;
import io.tocsin.api.policy.PolicyViews.PolicyVersionView;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads a policy's history: who changed what, when, with the full source of every version. */
@Service
class PolicyHistory {

  private final PolicyStore store;

  PolicyHistory(PolicyStore store) {
    this.store = store;
  }

  PolicyVersionPage list(String tenantId, String policyId, Paging paging) {
    long total = store.countVersions(tenantId, policyId);
    if (total == 0) {
      throw ApiException.notFound("Policy [" + policyId + "]");
    }
    List<PolicyVersionView> items =
        store.versions(tenantId, policyId, paging.offset(), paging.limit()).stream()
            .map(v -> PolicyVersionView.of(v, false))
            .toList();
    return new PolicyVersionPage(items, PageInfo.of(paging, total, items.size()));
  }

  PolicyVersionView get(String tenantId, String policyId, int version) {
    return PolicyVersionView.of(store.version(tenantId, policyId, version), true);
  }
}
