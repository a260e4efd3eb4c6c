package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.Cursor;

/**
 * How a query reads a {@link BsonSecondaryIndex}: equality on the index's leading fields, then an
 * optional range on the next one. The walk yields candidate positions only; the caller still
 * matches every document against the whole query, so a plan can only narrow what is read, never
 * change a result. A query whose every condition is one of those fields is <em>covered</em>: it can
 * be counted from the index entries alone.
 */
final class IndexPlan {

  private static final ValueComparator ORDER = ValueComparator.asc();
  private static final Object AMBIGUOUS = new Object();
  private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

  final BsonSecondaryIndex index;
  private final List<Object> equalities;
  private final Range range;
  private final boolean covered;

  private IndexPlan(
      BsonSecondaryIndex index, List<Object> equalities, Range range, boolean covered) {
    this.index = index;
    this.equalities = equalities;
    this.range = range;
    this.covered = covered;
  }

  /** The field after the equality prefix: the order in which {@link #positions} come. */
  String orderField() {
    List<String> fields = index.fields();
    return equalities.size() < fields.size() ? fields.get(equalities.size()) : null;
  }

  boolean covered() {
    return covered;
  }

  /**
   * The best plan among {@code indexes} for {@code query}, or null when none pins at least the
   * first field of an index. More equality fields win, then a usable range, then an order on {@code
   * sortField}.
   */
  static IndexPlan choose(Document query, List<BsonSecondaryIndex> indexes, String sortField) {
    // Every query of the store comes here; without secondary indexes there is nothing to plan.
    if (indexes.isEmpty()) {
      return null;
    }
    Map<String, Object> conditions = conditions(query);
    if (conditions == null) {
      return null;
    }
    IndexPlan best = null;
    int bestScore = 0;
    for (BsonSecondaryIndex index : indexes) {
      List<String> fields = index.fields();
      List<Object> equalities = new ArrayList<>();
      while (equalities.size() < fields.size()
          && isScalar(conditions.get(fields.get(equalities.size())))) {
        equalities.add(conditions.get(fields.get(equalities.size())));
      }
      if (equalities.isEmpty()) {
        continue;
      }
      String next = equalities.size() < fields.size() ? fields.get(equalities.size()) : null;
      Range range = next == null ? null : Range.of(conditions.get(next));
      int score =
          equalities.size() * 4
              + (range != null ? 2 : 0)
              + (next != null && next.equals(sortField) ? 1 : 0);
      if (score > bestScore) {
        int used = equalities.size() + (range != null ? 1 : 0);
        boolean covered = conditions.size() == used;
        best = new IndexPlan(index, equalities, range, covered);
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Top-level field conditions, including those inside a top-level {@code $and} of plain documents;
   * null when the query has other operators at the top (e.g. {@code $or}), which this planner does
   * not split. A field constrained twice is marked ambiguous and not used.
   */
  private static Map<String, Object> conditions(Document query) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : query.entrySet()) {
      if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> parts) {
        for (Object part : parts) {
          if (!(part instanceof Document clause)) {
            return null;
          }
          for (Map.Entry<String, Object> c : clause.entrySet()) {
            if (c.getKey().startsWith("$")) {
              return null;
            }
            out.merge(c.getKey(), c.getValue(), (a, b) -> AMBIGUOUS);
          }
        }
      } else if (entry.getKey().startsWith("$")) {
        return null;
      } else {
        out.merge(entry.getKey(), entry.getValue(), (a, b) -> AMBIGUOUS);
      }
    }
    return out;
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Date || value instanceof Boolean;
  }

  /**
   * Index positions in this plan's key range, in index order ({@code descending}: reversed). A
   * document indexed under several values (an array field) is returned once.
   */
  Iterable<Object> positions(boolean descending) {
    return () -> new PositionIterator(descending);
  }

  /** How many documents match, from the index entries alone; only for a {@link #covered()} plan. */
  long countCovered() {
    long count = 0;
    Set<Object> seen = index.multiValued() ? new HashSet<>() : null;
    Cursor<KeyValue, Object> cursor = cursor(false);
    while (cursor.hasNext()) {
      KeyValue key = cursor.next();
      if ((range == null || range.contains(key.get(equalities.size())))
          && (seen == null || seen.add(cursor.getValue()))) {
        count++;
      }
    }
    return count;
  }

  private Cursor<KeyValue, Object> cursor(boolean descending) {
    List<Object> from = new ArrayList<>(equalities);
    List<Object> to = new ArrayList<>(equalities);
    from.add(range == null || range.low == null ? MinKey.getInstance() : range.low);
    to.add(range == null || range.high == null ? MaxKey.getInstance() : range.high);
    to.add(MaxKey.getInstance());
    KeyValue low = new KeyValue(from);
    KeyValue high = new KeyValue(to);
    return descending
        ? index.entries().cursor(high, low, true)
        : index.entries().cursor(low, high, false);
  }

  private final class PositionIterator implements java.util.Iterator<Object> {
    private final Cursor<KeyValue, Object> cursor;
    private final Set<Object> seen = index.multiValued() ? new HashSet<>() : null;
    private Object next;

    PositionIterator(boolean descending) {
      this.cursor = cursor(descending);
    }

    @Override
    public boolean hasNext() {
      while (next == null && cursor.hasNext()) {
        cursor.next();
        Object position = cursor.getValue();
        if (seen == null || seen.add(position)) {
          next = position;
        }
      }
      return next != null;
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Object out = next;
      next = null;
      return out;
    }
  }

  /** Bounds from {@code $gt/$gte/$lt/$lte} on one field, all of one scalar type. */
  private record Range(Object low, boolean lowInclusive, Object high, boolean highInclusive) {

    static Range of(Object condition) {
      if (!(condition instanceof Document ops)
          || ops.isEmpty()
          || !RANGE_OPERATORS.containsAll(ops.keySet())) {
        return null;
      }
      Object low = null;
      Object high = null;
      boolean lowInclusive = true;
      boolean highInclusive = true;
      Class<?> type = null;
      for (Map.Entry<String, Object> op : ops.entrySet()) {
        Object value = op.getValue();
        if (!isScalar(value) || (type != null && type != value.getClass())) {
          return null;
        }
        type = value.getClass();
        boolean lower = op.getKey().startsWith("$g");
        boolean inclusive = op.getKey().endsWith("e");
        if (lower && (low == null || ORDER.compare(value, low) > 0)) {
          low = value;
          lowInclusive = inclusive;
        } else if (!lower && (high == null || ORDER.compare(value, high) < 0)) {
          high = value;
          highInclusive = inclusive;
        }
      }
      return new Range(low, lowInclusive, high, highInclusive);
    }

    /** Exactly MongoDB's answer for a value of the bounds' type; false for any other type. */
    boolean contains(Object value) {
      Object bound = low != null ? low : high;
      if (value == null || value.getClass() != bound.getClass()) {
        return false;
      }
      if (low != null) {
        int c = ORDER.compare(value, low);
        if (c < 0 || (c == 0 && !lowInclusive)) {
          return false;
        }
      }
      if (high != null) {
        int c = ORDER.compare(value, high);
        return c < 0 || (c == 0 && highInclusive);
      }
      return true;
    }
  }
}
