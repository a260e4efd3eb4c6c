package io.tocsin.dsl.function;

import io.tocsin.model.FieldType;
import java.util.List;
import java.util.function.Function;

/**
 * One function: its name, parameter types, return type and implementation over a single value.
 *
 * <p>A {@link FieldType#STRING} parameter also accepts a string array: the function is then applied
 * to each element and returns an array, so {@code lower(process.cmd) contains '-nop'} works like
 * any other array comparison. A {@link FieldType#STRING_ARRAY} parameter takes the array as a whole
 * (and a lone string as a one-element array). The implementation returns {@code null} for values it
 * cannot handle, which makes the comparison false, like a missing field.
 */
public record FunctionDescriptor(
    String name,
    List<FieldType> params,
    FieldType returns,
    String description,
    Function<Object, Object> implementation) {

  public FunctionDescriptor {
    params = List.copyOf(params);
  }

  /** The result type of a call whose argument has type {@code arg}. */
  public FieldType resultType(FieldType arg) {
    boolean mapped = params.get(0) == FieldType.STRING && arg == FieldType.STRING_ARRAY;
    return mapped && returns == FieldType.STRING ? FieldType.STRING_ARRAY : returns;
  }

  /** Whether an argument of type {@code arg} fits parameter {@code index}. */
  public boolean accepts(int index, FieldType arg) {
    return arg == FieldType.ANY
        || arg == FieldType.STRING
        || arg == FieldType.STRING_ARRAY
        || (arg == FieldType.IP && params.get(index) == FieldType.STRING);
  }

  /** Applies the function to an extracted value ({@code null} when absent). */
  public Object apply(Object value) {
    if (value == null) {
      return null;
    }
    if (params.get(0) == FieldType.STRING && value instanceof List<?> list) {
      return list.stream().map(implementation).filter(v -> v != null).toList();
    }
    return implementation.apply(value);
  }
}
