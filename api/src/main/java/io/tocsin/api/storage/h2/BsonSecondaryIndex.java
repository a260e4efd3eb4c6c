package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index that mongo-java-server would only pretend to have: one map entry per document
 * and indexed value combination, keyed by the indexed values followed by the document's {@code _id}
 * (which makes every key unique and lets one {@link MVMap} hold duplicates). {@link IndexPlan}
 * walks these entries for queries; the stock query code never asks this index ({@link #canHandle}
 * is false), so its results cannot differ from a scan's.
 */
final class BsonSecondaryIndex extends Index<Object> {

  /**
   * Stored once any document has several entries (an array field): readers must then drop repeated
   * positions. Sorts after every real entry, so no walk reaches it.
   */
  private static final KeyValue MULTI_VALUED = new KeyValue(MaxKey.getInstance());

  private final MVMap<KeyValue, Object> entries;
  private final String idField;

  BsonSecondaryIndex(
      String name, List<IndexKey> keys, MVMap<KeyValue, Object> entries, String idField) {
    super(name, keys, false);
    this.entries = entries;
    this.idField = idField;
  }

  MVMap<KeyValue, Object> entries() {
    return entries;
  }

  List<String> fields() {
    return keys();
  }

  private Object position(Document document) {
    return Missing.ofNullable(document.get(idField));
  }

  private List<KeyValue> entryKeys(Document document) {
    Object position = position(document);
    List<KeyValue> out = new ArrayList<>();
    for (KeyValue values : getKeyValues(document)) {
      List<Object> key = new ArrayList<>(values.size() + 1);
      values.forEach(key::add);
      key.add(position);
      out.add(new KeyValue(key));
    }
    return out;
  }

  /** Whether some document has (or had) several entries, so that a walk may repeat it. */
  boolean multiValued() {
    return entries.containsKey(MULTI_VALUED);
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    put(entryKeys(document), position);
  }

  private void put(List<KeyValue> keys, Object position) {
    if (keys.size() > 1 && !multiValued()) {
      entries.put(MULTI_VALUED, Boolean.TRUE);
    }
    for (KeyValue key : keys) {
      entries.put(key, position);
    }
  }

  @Override
  public Object remove(Document document) {
    for (KeyValue key : entryKeys(document)) {
      entries.remove(key);
    }
    return position(document);
  }

  @Override
  public void updateInPlace(
      Document oldDocument,
      Document newDocument,
      Object position,
      MongoCollection<Object> collection) {
    List<KeyValue> before = entryKeys(oldDocument);
    List<KeyValue> after = entryKeys(newDocument);
    if (before.equals(after)) {
      return;
    }
    before.forEach(entries::remove);
    put(after, position);
  }

  @Override
  public Object getPosition(Document document) {
    return null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    // Not unique: nothing can conflict.
  }

  @Override
  public void checkUpdate(
      Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    // Not unique: nothing can conflict.
  }

  @Override
  public boolean canHandle(Document query) {
    return false;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    throw new UnsupportedOperationException("queried through IndexPlan");
  }

  @Override
  public long getCount() {
    return entries.sizeAsLong();
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public void drop() {
    entries.clear();
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
