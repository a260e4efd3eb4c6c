package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Function;

/**
 * Answers the aggregation the MongoDB driver sends for {@code countDocuments} ({@code [{$match:
 * filter}, {$group: {_id: 1, n: {$sum: 1}}}]}) with {@link BsonCollection#countMatching}, which can
 * count from index entries; the stock aggregation decoded every document of the collection. Any
 * other pipeline is left to the stock code.
 */
final class CountCommand {

  private CountCommand() {}

  /** The command's reply, or null when {@code command} is not a plain count. */
  static Document answer(
      Document command,
      String databaseName,
      Function<String, MongoCollection<Object>> collections) {
    if (!(command.get("aggregate") instanceof String collectionName)
        || !(command.get("pipeline") instanceof List<?> pipeline)
        || pipeline.size() != 2
        || !(pipeline.get(0) instanceof Document match)
        || !(pipeline.get(1) instanceof Document group)
        || match.size() != 1
        || !(match.get("$match") instanceof Document filter)
        || group.size() != 1
        || !(group.get("$group") instanceof Document grouping)
        || grouping.size() != 2
        || !grouping.containsKey("_id")
        || grouping.get("_id") instanceof String
        || grouping.get("_id") instanceof Document) {
      return null;
    }
    String countField = null;
    for (String key : grouping.keySet()) {
      if (!key.equals("_id")
          && grouping.get(key) instanceof Document sum
          && sum.size() == 1
          && Integer.valueOf(1).equals(sum.get("$sum"))) {
        countField = key;
      }
    }
    if (countField == null) {
      return null;
    }
    MongoCollection<Object> collection = collections.apply(collectionName);
    long count;
    if (collection == null) {
      count = 0;
    } else if (collection instanceof BsonCollection bson) {
      count = bson.countMatching(filter);
    } else {
      return null;
    }
    List<Document> batch =
        count == 0
            ? List.of()
            : List.of(
                new Document("_id", grouping.get("_id"))
                    .append(countField, count <= Integer.MAX_VALUE ? (Object) (int) count : count));
    Document cursor =
        new Document("id", 0L)
            .append("ns", databaseName + "." + collectionName)
            .append("firstBatch", batch);
    return new Document("cursor", cursor).append("ok", 1.0);
  }
}
