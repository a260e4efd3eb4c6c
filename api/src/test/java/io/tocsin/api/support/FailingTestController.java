package io.tocsin.api.support;

import io.swagger.v3.oas.annotations.Hidden;
import io.tocsin.api.security.Authz;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails unexpectedly, to check 500s leak nothing. */
@Hidden // not an API operation
@RestController
class FailingTestController {

  static final String SECRET_DETAIL = "database password is hunter2";

  @GetMapping("/api/v1/test-only/boom")
  @PreAuthorize(Authz.VIEWER)
  String boom() {
    throw new IllegalStateException(SECRET_DETAIL);
  }
}
