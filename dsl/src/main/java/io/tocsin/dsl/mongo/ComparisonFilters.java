package io.tocsin.dsl.mongo;

import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.eval.Ips;
import io.tocsin.dsl.function.Functions;
import io.tocsin.model.FieldType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * One comparison on a stored field. Exact where MongoDB's semantics equal the interpreter's:
 * equality and ordering (numbers compare by value across int/long/double, other types never match,
 * like the interpreter's type bracketing), {@code $ne}/{@code $nin} on present fields (no array
 * element equals), and regexes this module generates from literals and globs. IPv6 text has many
 * spellings, {@code matches} uses RE2 syntax, and CIDRs are ranges, so those filter on presence and
 * leave the rest to the residual.
 */
final class ComparisonFilters {

  private ComparisonFilters() {}

  static MongoTranslator.Part of(Comparison c, String path) {
    FieldType type = Functions.typeOf(c.left());
    MongoTranslator.Part presence = new MongoTranslator.Part(Filters.exists(path), false);
    return switch (c.operator()) {
      case EQ, NE, LT, LE, GT, GE -> {
        Optional<Object> v = value((Literal) c.right(), type);
        if (v.isEmpty()) {
          yield presence;
        }
        Document filter =
            switch (c.operator()) {
              case EQ -> new Document(path, v.get());
              case NE -> Filters.presentAnd(path, "$ne", v.get());
              case LT -> Filters.op(path, "$lt", v.get());
              case LE -> Filters.op(path, "$lte", v.get());
              case GT -> Filters.op(path, "$gt", v.get());
              default -> Filters.op(path, "$gte", v.get());
            };
        yield new MongoTranslator.Part(filter, true);
      }
      case IN, NOT_IN -> {
        List<Object> values = new ArrayList<>();
        for (Literal l : ((ListLiteral) c.right()).values()) {
          Optional<Object> v = value(l, type);
          if (v.isEmpty()) {
            yield presence;
          }
          values.add(v.get());
        }
        yield new MongoTranslator.Part(
            c.operator() == io.tocsin.dsl.ast.Operator.IN
                ? Filters.op(path, "$in", values)
                : Filters.presentAnd(path, "$nin", values),
            true);
      }
      case CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH ->
          SafeRegexFilters.affix(c.operator(), path, text(c));
      case GLOB -> SafeRegexFilters.glob(path, text(c));
      default -> presence; // MATCHES: RE2 and PCRE differ; the residual decides.
    };
  }

  /** The BSON value equal to the literal for this field, or empty when no exact value exists. */
  private static Optional<Object> value(Literal l, FieldType type) {
    if (l.kind() == LiteralKind.CIDR) {
      return Optional.empty();
    }
    Object v = l.value();
    if (type == FieldType.IP) {
      byte[] ip = Ips.parse((String) v);
      // Strict IPv4 has one spelling, so string equality is address equality.
      return ip != null && ip.length == 4 ? Optional.of(v) : Optional.empty();
    }
    if (type == FieldType.TIMESTAMP) {
      Instant at = Instant.parse((String) v);
      // Stored dates have millisecond precision.
      return at.getNano() % 1_000_000 == 0 ? Optional.of(Date.from(at)) : Optional.empty();
    }
    return Optional.of(v);
  }

  private static String text(Comparison c) {
    return (String) ((Literal) c.right()).value();
  }
}
