package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.ListResponse;
import io.tocsin.api.web.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads a policy's history: who changed what, when, with the full source of every version. */
@Service
class PolicyHistory {

  private final PolicyStore store;

  PolicyHistory(PolicyStore store) {
    this.store = store;
  }

  Map<String, Object> list(String tenantId, String policyId, Paging paging) {
    long total = store.countVersions(tenantId, policyId);
    if (total == 0) {
      throw ApiException.notFound("Policy [" + policyId + "]");
    }
    List<Map<String, Object>> items =
        store.versions(tenantId, policyId, paging.offset(), paging.limit()).stream()
            .map(v -> view(v, false))
            .toList();
    return ListResponse.of("versions", items, total, paging.limit(), paging.offset());
  }

  Map<String, Object> get(String tenantId, String policyId, int version) {
    return view(store.version(tenantId, policyId, version), true);
  }

  private static Map<String, Object> view(PolicyVersion v, boolean withSource) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policy_id", v.policyId());
    out.put("version", v.version());
    out.put("change", v.change());
    out.put("changed_by", v.changedBy());
    out.put("changed_at", v.changedAt().toString());
    if (withSource) {
      out.put("policy", PolicyStore.sourceMap(v.source()));
    }
    return out;
  }
}
