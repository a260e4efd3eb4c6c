package io.tocsin.api.list;

import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A stored definition and whether the request created it: {@code PUT} answers 201 then, else 200.
 */
record Saved<T>(T value, boolean created) {

  <V> Saved<V> map(Function<T, V> view) {
    return new Saved<>(view.apply(value), created);
  }

  ResponseEntity<T> response() {
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(value);
  }
}
