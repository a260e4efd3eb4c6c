package io.tocsin.api.list;

import java.time.Instant;

/** What a stored list and a stored macro have in common: a name in a tenant, and who made it. */
sealed interface Definition permits NamedList, Macro {

  String tenantId();

  String name();

  Instant createdAt();

  String createdBy();

  /** The document id: {@code tenantId/name}, so a name is unique within a tenant. */
  static String idOf(String tenantId, String name) {
    return tenantId + "/" + name;
  }
}
