package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.h2.mvstore.MVMap;

/**
 * The stock H2 collection with three query paths that stay usable on millions of documents:
 *
 * <ul>
 *   <li>A sorted query with a limit keeps only the best {@code skip + limit} matches while it
 *       scans, instead of collecting and sorting every match (which ran a 6 GB heap out of memory
 *       on 1.5 million events for {@code GET /events?limit=10}).
 *   <li>Aggregations ({@code countDocuments} is one) stream over the map instead of over a list of
 *       every document in the collection.
 *   <li>A query that pins a unique index's keys (e.g. {@code _id} plus {@code tenant_id}) reads
 *       those documents through the index; the stock code only does so when the query has exactly
 *       the index's keys, and scanned the collection otherwise.
 * </ul>
 *
 * Results are the same as the stock code's, including the order of documents that sort equal.
 */
final class BsonCollection extends H2Collection {

  private final MVMap<Object, Document> dataMap;

  BsonCollection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> dataMap,
      MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    this.dataMap = dataMap;
  }

  @Override
  public Iterable<Document> queryAll() {
    return dataMap.values();
  }

  @Override
  protected QueryResult queryDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    for (Index<Object> index : getIndexes()) {
      Document pinned = pinnedKeys(query, index);
      if (pinned != null && index.canHandle(pinned)) {
        return matchDocuments(
            query,
            index.getPositions(pinned),
            orderBy,
            numberToSkip,
            limit,
            batchSize,
            fieldSelector);
      }
    }
    return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /**
   * The part of {@code query} on this unique index's keys, or null when the query lacks one of them
   * or has nothing else (the stock code already handles an exact match).
   */
  private static Document pinnedKeys(Document query, Index<Object> index) {
    if (!index.isUnique() || query.size() <= index.getKeys().size()) {
      return null;
    }
    Document pinned = new Document();
    for (IndexKey key : index.getKeys()) {
      if (!query.containsKey(key.getKey())) {
        return null;
      }
      pinned.put(key.getKey(), query.get(key.getKey()));
    }
    return pinned;
  }

  @Override
  protected QueryResult matchDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    Comparator<Document> order = deriveComparator(orderBy);
    if (order == null || limit <= 0) {
      // Unsorted (or $natural) with a limit already stops early in the stock stream.
      return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    int wanted = (int) Math.min(Integer.MAX_VALUE - 1L, (long) Math.max(numberToSkip, 0) + limit);
    List<Document> best = bestMatches(query, order, wanted);
    return matchDocumentsFromStream(
        query, best.stream(), numberToSkip, limit, batchSize, order, fieldSelector);
  }

  /**
   * The first {@code count} matches in {@code order}, ties in scan order, as a stable sort of all
   * matches would have them.
   */
  private List<Document> bestMatches(Document query, Comparator<Document> order, int count) {
    Comparator<Ranked> ranking =
        Comparator.<Ranked, Document>comparing(Ranked::document, order)
            .thenComparingLong(Ranked::seen);
    PriorityQueue<Ranked> worstFirst =
        new PriorityQueue<>(Math.min(count, 1024) + 1, ranking.reversed());
    long seen = 0;
    for (Document document : dataMap.values()) {
      if (!documentMatchesQuery(document, query)) {
        continue;
      }
      if (worstFirst.size() < count) {
        worstFirst.add(new Ranked(document, seen++));
      } else if (order.compare(document, worstFirst.peek().document()) < 0) {
        worstFirst.poll();
        worstFirst.add(new Ranked(document, seen++));
      }
    }
    List<Ranked> ranked = new ArrayList<>(worstFirst);
    ranked.sort(ranking);
    return ranked.stream().map(Ranked::document).toList();
  }

  private record Ranked(Document document, long seen) {}
}
