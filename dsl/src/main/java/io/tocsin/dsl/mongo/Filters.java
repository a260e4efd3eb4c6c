package io.tocsin.dsl.mongo;

import java.util.List;
import org.bson.Document;

/**
 * Small builders for filter documents (bson only: the driver's Filters class is not a dependency).
 */
final class Filters {

  private Filters() {}

  static Document exists(String path) {
    return new Document(path, new Document("$exists", true));
  }

  static Document not(Document filter) {
    return new Document("$nor", List.of(filter));
  }

  /** Matches no document. */
  static Document nothing() {
    return new Document("_id", new Document("$in", List.of()));
  }

  static Document op(String path, String operator, Object value) {
    return new Document(path, new Document(operator, value));
  }

  /** Present and {@code operator value}: the negative operators must not match a missing field. */
  static Document presentAnd(String path, String operator, Object value) {
    return new Document(path, new Document("$exists", true).append(operator, value));
  }
}
