package io.tocsin.dsl.function;

import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in functions, by name. */
public final class Functions {

  private static final Map<String, FunctionDescriptor> ALL = build();

  private Functions() {}

  public static Optional<FunctionDescriptor> lookup(String name) {
    return Optional.ofNullable(ALL.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every function in a stable order (for did-you-mean and docs). */
  public static Map<String, FunctionDescriptor> all() {
    return ALL;
  }

  /**
   * The type of a resolved left-hand operand: a field's catalog type or a function's result type;
   * {@link FieldType#ANY} when unknown.
   */
  public static FieldType typeOf(Operand operand) {
    if (operand instanceof FieldRef field) {
      return FieldCatalog.typeOf(field.path()).orElse(FieldType.ANY);
    }
    if (operand instanceof FunctionCall call && !call.args().isEmpty()) {
      return lookup(call.name())
          .map(f -> f.resultType(typeOf(call.args().get(0))))
          .orElse(FieldType.ANY);
    }
    return FieldType.ANY;
  }

  private static Map<String, FunctionDescriptor> build() {
    Map<String, FunctionDescriptor> f = new LinkedHashMap<>();
    string(f, "lower", "lower-cases (ASCII letters A-Z)", Strings::asciiLower);
    string(f, "upper", "upper-cases (ASCII letters a-z)", Strings::asciiUpper);
    string(f, "trim", "removes leading and trailing whitespace", String::strip);
    string(f, "basename", "last path segment, / or \\ separated", Strings::basename);
    string(f, "dirname", "path without its last segment", Strings::dirname);
    string(f, "extension", "file extension without the dot, or ''", Strings::extension);
    f.put(
        "len",
        new FunctionDescriptor(
            "len",
            List.of(FieldType.STRING_ARRAY),
            FieldType.INTEGER,
            "length of a string (code points) or number of array elements",
            v -> {
              if (v instanceof String s) {
                return (long) s.codePointCount(0, s.length());
              }
              return v instanceof List<?> list ? (Object) (long) list.size() : null;
            }));
    f.put(
        "join",
        new FunctionDescriptor(
            "join",
            List.of(FieldType.STRING_ARRAY),
            FieldType.STRING,
            "array elements joined with single spaces (argv to a command line)",
            v -> {
              if (v instanceof String s) {
                return s;
              }
              return v instanceof List<?> list
                  ? list.stream().map(String::valueOf).collect(Collectors.joining(" "))
                  : null;
            }));
    return java.util.Collections.unmodifiableMap(f);
  }

  private static void string(
      Map<String, FunctionDescriptor> f,
      String name,
      String description,
      Function<String, String> impl) {
    f.put(
        name,
        new FunctionDescriptor(
            name,
            List.of(FieldType.STRING),
            FieldType.STRING,
            description,
            v -> v instanceof String s ? impl.apply(s) : null));
  }
}
