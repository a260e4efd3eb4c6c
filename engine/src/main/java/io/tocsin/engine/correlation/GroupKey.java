package io.tocsin.engine.correlation;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of the group-by fields of one event; a missing field groups as null. */
public record GroupKey(List<String> fields, List<Object> values) {

  public static final GroupKey NONE = new GroupKey(List.of(), List.of());

  public static GroupKey of(List<String> fields, Event event) {
    if (fields.isEmpty()) {
      return NONE;
    }
    List<Object> values = new ArrayList<>(fields.size());
    for (String f : fields) {
      values.add(event.get(f));
    }
    return new GroupKey(fields, Collections.unmodifiableList(values));
  }

  /** Field name to value, in group-by order. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      map.put(fields.get(i), values.get(i));
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupKey k && values.equals(k.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
