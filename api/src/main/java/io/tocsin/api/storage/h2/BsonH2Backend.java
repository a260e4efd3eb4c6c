package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with BSON map entries. The stock backend opens its maps with H2's
 * default type, which Java-serializes every document on write and every index key on every
 * comparison; that cost 1–3 ms per inserted event. This backend opens the same maps first, under
 * the same names, with BSON types; the stock code then gets these already-open maps back from
 * {@link MVStore#openMap(String)}. Collections are {@link BsonCollection}s; non-unique indexes are
 * {@link UnbuiltSecondaryIndex}es. A file written by the stock backend cannot be read by this one.
 */
public final class BsonH2Backend extends H2Backend {

  // The stock backend's map names (H2Database's private constants).
  private static final String DATA_MAP_PREFIX = "databases.";
  private static final String META_MAP_PREFIX = "meta.";
  private static final String INDEX_MAP_INFIX = "._index_";
  private static final String ID_FIELD = "_id";

  /**
   * The super constructor already opens the stored databases and their indexes, before this class's
   * fields are assigned; during that call the setting is read from here.
   */
  private static final ThreadLocal<Boolean> OPENING_WITH_SECONDARY_INDEXES = new ThreadLocal<>();

  private final boolean secondaryIndexes;

  /**
   * Collections whose secondary indexes are kept whatever the setting: the alert queue (web UI)
   * must open fast on a tenant with 100,000 alerts, and alerts are written far less often than
   * events, so the extra B-tree updates do not touch the ingest rate (docs/ui.md).
   */
  private static final java.util.Set<String> ALWAYS_INDEXED = java.util.Set.of("alerts");

  private BsonH2Backend(MVStore store, boolean secondaryIndexes) {
    super(store);
    this.secondaryIndexes = secondaryIndexes;
  }

  /**
   * @param secondaryIndexes whether to maintain non-unique indexes ({@link BsonSecondaryIndex}):
   *     queries on their fields then read a key range instead of the collection, and every write
   *     pays one more B-tree update per index (docs/performance.md has the numbers)
   */
  public static BsonH2Backend open(MVStore store, boolean secondaryIndexes) {
    OPENING_WITH_SECONDARY_INDEXES.set(secondaryIndexes);
    try {
      return new BsonH2Backend(store, secondaryIndexes);
    } finally {
      OPENING_WITH_SECONDARY_INDEXES.remove();
    }
  }

  private boolean maintainsSecondaryIndexes() {
    Boolean opening = OPENING_WITH_SECONDARY_INDEXES.get();
    return opening != null ? opening : secondaryIndexes;
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new BsonDatabase(databaseName);
  }

  /**
   * An inner class on purpose: H2Database's constructor already opens the existing collections,
   * before a subclass could set a field, but an inner instance's link to its backend (and so {@link
   * #getMvStore()}) is set before the super constructor runs.
   */
  private final class BsonDatabase extends H2Database {

    BsonDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> dataMap =
          getMvStore()
              .openMap(
                  DATA_MAP_PREFIX + namespace,
                  new MVMap.Builder<Object, Document>()
                      .keyType(BsonKeyType.INSTANCE)
                      .valueType(BsonDocumentType.INSTANCE));
      MVMap<String, Object> metaMap = getMvStore().openMap(META_MAP_PREFIX + namespace);
      return new BsonCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      getMvStore()
          .openMap(
              getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName,
              new MVMap.Builder<KeyValue, Object>()
                  .keyType(BsonIndexKeyType.INSTANCE)
                  .valueType(BsonKeyType.INSTANCE));
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      String mapName = getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
      if (!(maintainsSecondaryIndexes() || ALWAYS_INDEXED.contains(collectionName)) || sparse) {
        // Entries left from a run that maintained them would be stale by the next such run.
        if (getMvStore().hasMap(mapName)) {
          getMvStore().removeMap(mapName);
        }
        return new UnbuiltSecondaryIndex(indexName, keys);
      }
      MVMap<KeyValue, Object> entries =
          getMvStore()
              .openMap(
                  mapName,
                  new MVMap.Builder<KeyValue, Object>()
                      .keyType(BsonIndexKeyType.INSTANCE)
                      .valueType(BsonKeyType.INSTANCE));
      return new BsonSecondaryIndex(indexName, keys, entries, ID_FIELD);
    }

    @Override
    public Document handleCommand(
        Channel channel,
        String command,
        Document query,
        DatabaseResolver databaseResolver,
        Oplog oplog) {
      if (command.equalsIgnoreCase("aggregate")) {
        Document counted =
            CountCommand.answer(query, getDatabaseName(), name -> resolveCollection(name, false));
        if (counted != null) {
          return counted;
        }
      }
      return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }
  }
}
