package io.tocsin.api.webhook;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import io.tocsin.api.webhook.delivery.DeliveryQueries;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: detection engineers and admins manage webhooks, test them and re-drive
 * dead deliveries; every role of the tenant may read them (without secrets) and their deliveries.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  private final WebhookService webhooks;
  private final WebhookTester tester;
  private final DeliveryQueries deliveries;

  WebhookController(WebhookService webhooks, WebhookTester tester, DeliveryQueries deliveries) {
    this.webhooks = webhooks;
    this.tester = tester;
    this.deliveries = deliveries;
  }

  @PostMapping
  @PreAuthorize(Authz.ENGINEER)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> create(CurrentPrincipal principal, @RequestBody WebhookRequest body) {
    return webhooks.create(principal.tenantId(), body, principal.username());
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return webhooks.list(principal.tenantId(), Paging.of(limit, offset));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return webhooks.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> update(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody WebhookRequest body) {
    return webhooks.update(principal.tenantId(), id, body);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(Authz.ENGINEER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(CurrentPrincipal principal, @PathVariable String id) {
    webhooks.delete(principal.tenantId(), id);
  }

  @PostMapping("/{id}/test")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> test(CurrentPrincipal principal, @PathVariable String id) {
    return tester.test(principal.tenantId(), id);
  }

  @GetMapping("/{id}/deliveries")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> deliveries(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    webhooks.find(principal.tenantId(), id);
    return deliveries.list(principal.tenantId(), id, state, Paging.of(limit, offset));
  }

  @GetMapping("/{id}/deliveries/{deliveryId}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> delivery(
      CurrentPrincipal principal, @PathVariable String id, @PathVariable String deliveryId) {
    webhooks.find(principal.tenantId(), id);
    return deliveries.get(principal.tenantId(), id, deliveryId);
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redrive")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> redrive(
      CurrentPrincipal principal, @PathVariable String id, @PathVariable String deliveryId) {
    webhooks.find(principal.tenantId(), id);
    return deliveries.redrive(principal.tenantId(), id, deliveryId);
  }
}
