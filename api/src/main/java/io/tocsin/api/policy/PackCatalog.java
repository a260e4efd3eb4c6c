package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import io.tocsin.rules.BuiltinPolicies;
import io.tocsin.rules.pack.Pack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The packs this server offers, at the version it ships: the built-in {@code tocsin-core} pack. A
 * newer server build carries a newer pack version; tenants move to it with {@code POST
 * /api/v1/packs/{id}/update}.
 */
@Component
class PackCatalog {

  private final Map<String, Pack> packs = new ConcurrentHashMap<>();

  PackCatalog() {
    Pack builtin = BuiltinPolicies.builtinPack();
    packs.put(builtin.id(), builtin);
  }

  List<Pack> all() {
    return packs.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  Pack get(String packId) {
    Pack pack = packId == null ? null : packs.get(packId);
    if (pack == null) {
      throw ApiException.notFound("Pack [" + packId + "]");
    }
    return pack;
  }

  /** Offers {@code pack} (replacing the version offered so far); used by tests and embedders. */
  void offer(Pack pack) {
    packs.put(pack.id(), pack);
  }
}
