package io.tocsin.api.list;

import java.time.Instant;

/** Who created a definition and who last changed it, and when; a write keeps the first pair. */
record Audit(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

  static Audit of(Definition old, Instant now, String user) {
    return old == null
        ? new Audit(now, user, now, user)
        : new Audit(old.createdAt(), old.createdBy(), now, user);
  }
}
