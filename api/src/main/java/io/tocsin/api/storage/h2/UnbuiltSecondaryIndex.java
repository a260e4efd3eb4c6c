package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;

/**
 * A non-unique index, which mongo-java-server accepts but does not maintain. The stock placeholder
 * reports itself empty, so the server "builds" it at every start by reading the whole collection
 * twice per index: 46 s before a store holding 1.6 million events would accept connections. This
 * one says there is nothing to build.
 */
final class UnbuiltSecondaryIndex extends EmptyIndex<Object> {

  UnbuiltSecondaryIndex(String name, List<IndexKey> keys) {
    super(name, keys);
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
