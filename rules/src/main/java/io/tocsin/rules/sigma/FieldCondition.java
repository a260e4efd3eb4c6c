package io.tocsin.rules.sigma;

import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One detection item ({@code CommandLine|contains|all: [a, b]}) as condition-language text. Values
 * of a list are alternatives ({@code all}: all required); strings match case-insensitively unless
 * {@code cased}; wildcards become {@code iwildcard}, or {@code icontains}/{@code
 * istartswith}/{@code iendswith} when that is the same thing.
 */
final class FieldCondition {

  private static final Pattern FIELD =
      Pattern.compile("[A-Za-z_@][A-Za-z0-9_\\-@]*(\\.[A-Za-z_@][A-Za-z0-9_\\-@]*)*");
  private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f:.]+/[0-9]{1,3}");
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");
  private static final java.util.Set<String> ORDERED = java.util.Set.of("gt", "gte", "lt", "lte");

  private final FieldMappings.Resolved mapping;
  private final Placeholders placeholders;
  private final Unmapped unmapped;

  /** Sigma fields no mapping names, kept under {@code payload.}: reported to the user. */
  record Unmapped(java.util.Set<String> fields) {
    Unmapped() {
      this(new java.util.TreeSet<>());
    }
  }

  FieldCondition(FieldMappings.Resolved mapping, Placeholders placeholders, Unmapped unmapped) {
    this.mapping = mapping;
    this.placeholders = placeholders;
    this.unmapped = unmapped;
  }

  /** A map entry of a selection. */
  String item(String key, Object value) {
    List<String> segments = Arrays.asList(key.split("\\|", -1));
    Modifiers mods = Modifiers.parse(segments.subList(1, segments.size()));
    String sigmaField = segments.get(0);
    List<Object> values = value instanceof List<?> l ? new ArrayList<>(l) : listOf(value);
    if (values.isEmpty()) {
      throw new SigmaRejection("[" + key + "] has an empty list of values");
    }
    if (sigmaField.isEmpty()) {
      return keywords(values, mods);
    }
    String field = field(sigmaField);
    if ("exists".equals(mods.match())) {
      if (values.size() != 1 || !(values.get(0) instanceof Boolean b)) {
        throw new SigmaRejection("[" + key + "] needs true or false");
      }
      return b ? field + " exists" : "not " + field + " exists";
    }
    if ("cidr".equals(mods.match()) && !mods.all()) {
      return field
          + " in ("
          + String.join(", ", values.stream().map(FieldCondition::cidr).toList())
          + ")";
    }
    List<String> terms = new ArrayList<>();
    for (Object v : values) {
      terms.add(value(key, field, v, mods));
    }
    return mods.all() ? Dsl.and(terms) : Dsl.or(terms);
  }

  private static String cidr(Object v) {
    String cidr = String.valueOf(v);
    if (!CIDR.matcher(cidr).matches()) {
      throw new SigmaRejection("[" + cidr + "] is not a CIDR");
    }
    return cidr;
  }

  /** A keyword list: each value anywhere in the mapping's keyword fields. */
  String keywords(List<Object> values, Modifiers mods) {
    if (mapping.keywords().isEmpty()) {
      throw new SigmaRejection(
          "keyword search needs keyword fields, and no mapping for this logsource names any");
    }
    if (mods.match() != null && !"contains".equals(mods.match())) {
      throw new SigmaRejection("keywords take no [" + mods.match() + "] modifier");
    }
    List<String> terms = new ArrayList<>();
    for (Object v : values) {
      if (v == null || v instanceof Map || v instanceof List) {
        throw new SigmaRejection("keyword [" + v + "] is not a string or number");
      }
      List<String> perField = new ArrayList<>();
      for (SigmaString s : transform(SigmaString.parse(String.valueOf(v)), mods)) {
        SigmaString anywhere = s.prepend(SigmaString.STAR).append(SigmaString.STAR);
        for (String f : mapping.keywords()) {
          perField.add(text(f, anywhere, mods.cased()));
        }
      }
      terms.add(Dsl.or(perField));
    }
    return mods.all() ? Dsl.and(terms) : Dsl.or(terms);
  }

  private String value(String key, String field, Object v, Modifiers mods) {
    String match = mods.match();
    if (v == null) {
      if (match != null || !mods.transforms().isEmpty()) {
        throw new SigmaRejection("[" + key + "]: null takes no modifiers");
      }
      return "not " + field + " exists";
    }
    if (v instanceof Map || v instanceof List) {
      throw new SigmaRejection("[" + key + "]: a value must be a string, number, boolean or null");
    }
    if (match != null && ORDERED.contains(match)) {
      return ordered(key, field, v, match);
    }
    if ("re".equals(match)) {
      String flags = mods.regexFlags().isEmpty() ? "" : "(?" + mods.regexFlags() + ")";
      return field + " matches " + Dsl.quote(flags + v);
    }
    if ("cidr".equals(match)) {
      return field + " in (" + cidr(v) + ")";
    }
    if (mods.fieldref()) {
      return fieldref(field, String.valueOf(v), mods);
    }
    FieldType type = FieldCatalog.typeOf(field).orElse(FieldType.ANY);
    if (mods.transforms().isEmpty() && mods.textMatch() == null) {
      String typed = typedEquality(field, type, v);
      if (typed != null) {
        return typed;
      }
    }
    List<String> terms = new ArrayList<>();
    for (SigmaString s : transform(SigmaString.parse(String.valueOf(v)), mods)) {
      terms.add(text(field, wrap(s, mods.textMatch()), mods.cased()));
    }
    return Dsl.or(terms);
  }

  private static String ordered(String key, String field, Object v, String match) {
    if (!(v instanceof Number n)) {
      throw new SigmaRejection("[" + key + "] needs a number, not [" + v + "]");
    }
    String op =
        switch (match) {
          case "gt" -> ">";
          case "gte" -> ">=";
          case "lt" -> "<";
          default -> "<=";
        };
    return field + " " + op + " " + number(n);
  }

  private String fieldref(String field, String other, Modifiers mods) {
    String target = field(other);
    String m = mods.textMatch();
    String op = m == null ? (mods.cased() ? "==" : "iequals") : (mods.cased() ? "" : "i") + m;
    return field + " " + op + " " + target;
  }

  /**
   * Numbers and booleans compare as values on typed fields, as text on strings, both on payload.
   */
  private static String typedEquality(String field, FieldType type, Object v) {
    boolean numeric =
        type == FieldType.INTEGER || type == FieldType.DECIMAL || type == FieldType.BYTES;
    if (v instanceof Number n) {
      String text = number(n);
      return switch (type) {
        case INTEGER, DECIMAL, BYTES -> field + " == " + text;
        case ANY -> "(" + field + " == " + text + " or " + field + " == " + Dsl.quote(text) + ")";
        default -> null;
      };
    }
    if (v instanceof Boolean b) {
      return switch (type) {
        case BOOLEAN -> field + " == " + b;
        case ANY ->
            "(" + field + " == " + b + " or " + field + " iequals " + Dsl.quote("" + b) + ")";
        default -> null;
      };
    }
    if (numeric && v instanceof String s && DIGITS.matcher(s).matches()) {
      return field + " == " + Long.parseLong(s);
    }
    return null;
  }

  private static String number(Number n) {
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new SigmaRejection("[" + n + "] is not a finite number");
      }
      String plain = BigDecimal.valueOf(d).toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return n.toString();
  }

  private List<SigmaString> transform(SigmaString value, Modifiers mods) {
    List<SigmaString> values = List.of(value);
    String encoding = null;
    for (String t : mods.transforms()) {
      switch (t) {
        case "expand" ->
            values = values.stream().flatMap(s -> placeholders.expand(s).stream()).toList();
        case "windash" ->
            values = values.stream().flatMap(s -> Encodings.windash(s).stream()).toList();
        case "wide", "utf16le", "utf16be", "utf16" -> {
          if (encoding != null) {
            throw new SigmaRejection("two text encodings: [" + encoding + "] and [" + t + "]");
          }
          encoding = t;
        }
        default -> {
          String e = encoding;
          encoding = null;
          List<SigmaString> out = new ArrayList<>();
          for (SigmaString s : values) {
            byte[] bytes = bytes(s.plain(), e);
            if (t.equals("base64")) {
              out.add(SigmaString.literal(Encodings.base64(bytes)));
            } else {
              if (!"contains".equals(mods.textMatch())) {
                throw new SigmaRejection("[base64offset] needs [contains]");
              }
              Encodings.base64Offsets(bytes).forEach(o -> out.add(SigmaString.literal(o)));
            }
          }
          values = out;
        }
      }
    }
    if (encoding != null) {
      throw new SigmaRejection(
          "[" + encoding + "] gives bytes, not text: follow it with [base64] or [base64offset]");
    }
    return values;
  }

  private static byte[] bytes(String s, String encoding) {
    if (encoding == null) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    return switch (encoding) {
      case "utf16be" -> Encodings.utf16be(s);
      case "utf16" -> Encodings.utf16(s);
      default -> Encodings.utf16le(s);
    };
  }

  private static SigmaString wrap(SigmaString s, String textMatch) {
    if (textMatch == null) {
      return s;
    }
    return switch (textMatch) {
      case "contains" -> s.prepend(SigmaString.STAR).append(SigmaString.STAR);
      case "startswith" -> s.append(SigmaString.STAR);
      default -> s.prepend(SigmaString.STAR);
    };
  }

  /** The cheapest exact operator for a wildcard pattern. */
  static String text(String field, SigmaString s, boolean cased) {
    String i = cased ? "" : "i";
    List<SigmaString.Part> p = s.parts();
    if (!s.hasWildcards()) {
      return field + (cased ? " == " : " iequals ") + Dsl.quote(s.plain());
    }
    boolean star0 = p.get(0) instanceof SigmaString.Star;
    boolean starN = p.get(p.size() - 1) instanceof SigmaString.Star;
    if (p.size() == 3 && star0 && starN && p.get(1) instanceof SigmaString.Text t) {
      return field + " " + i + "contains " + Dsl.quote(t.text());
    }
    if (p.size() == 2 && starN && p.get(0) instanceof SigmaString.Text t) {
      return field + " " + i + "startswith " + Dsl.quote(t.text());
    }
    if (p.size() == 2 && star0 && p.get(1) instanceof SigmaString.Text t) {
      return field + " " + i + "endswith " + Dsl.quote(t.text());
    }
    return field + " " + i + "wildcard " + Dsl.quote(s.wildcardPattern());
  }

  private String field(String sigmaField) {
    String mapped = mapping.field(sigmaField);
    if (!mapping.fields().containsKey(sigmaField) && mapped.startsWith("payload.")) {
      unmapped.fields().add(sigmaField);
    }
    if (!FIELD.matcher(mapped).matches()) {
      throw new SigmaRejection(
          "field name [" + sigmaField + "] cannot be written as a Tocsin field");
    }
    return mapped;
  }

  private static List<Object> listOf(Object value) {
    List<Object> out = new ArrayList<>();
    out.add(value);
    return out;
  }
}
