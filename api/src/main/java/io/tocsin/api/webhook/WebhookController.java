package io.tocsin.api.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import io.tocsin.api.webhook.WebhookViews.CreatedWebhook;
import io.tocsin.api.webhook.WebhookViews.WebhookPage;
import io.tocsin.api.webhook.WebhookViews.WebhookTestResult;
import io.tocsin.api.webhook.WebhookViews.WebhookView;
import io.tocsin.api.webhook.delivery.DeliveryQueries;
import io.tocsin.api.webhook.delivery.DeliveryViews.DeliveryPage;
import io.tocsin.api.webhook.delivery.DeliveryViews.DeliveryView;
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
@Tag(name = "Webhooks", description = "Webhooks, their test sends and their deliveries")
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
  @Operation(summary = "Create a webhook; a generated secret is shown once")
  CreatedWebhook createWebhook(CurrentPrincipal principal, @RequestBody WebhookRequest body) {
    return webhooks.create(principal.tenantId(), body, principal.username());
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the tenant's webhooks")
  WebhookPage listWebhooks(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return webhooks.list(principal.tenantId(), Paging.of(limit, offset));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "One webhook (never its secret)")
  WebhookView getWebhook(CurrentPrincipal principal, @PathVariable String id) {
    return webhooks.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Change a webhook; fields left out keep their value")
  WebhookView updateWebhook(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody WebhookRequest body) {
    return webhooks.update(principal.tenantId(), id, body);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(Authz.ENGINEER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a webhook and its deliveries")
  void deleteWebhook(CurrentPrincipal principal, @PathVariable String id) {
    webhooks.delete(principal.tenantId(), id);
  }

  @PostMapping("/{id}/test")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Send a signed sample alert now and report the receiver's answer")
  WebhookTestResult testWebhook(CurrentPrincipal principal, @PathVariable String id) {
    return tester.test(principal.tenantId(), id);
  }

  @GetMapping("/{id}/deliveries")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List a webhook's deliveries, newest first, with every attempt")
  DeliveryPage listWebhookDeliveries(
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
  @Operation(summary = "One delivery of a webhook, with every attempt")
  DeliveryView getWebhookDelivery(
      CurrentPrincipal principal, @PathVariable String id, @PathVariable String deliveryId) {
    webhooks.find(principal.tenantId(), id);
    return deliveries.get(principal.tenantId(), id, deliveryId);
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redrive")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Re-drive a dead-lettered delivery with a fresh retry budget")
  @ApiResponse(responseCode = "200", description = "The delivery, pending again")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: the delivery is not dead-lettered (pending or delivered)")
  DeliveryView redriveWebhookDelivery(
      CurrentPrincipal principal, @PathVariable String id, @PathVariable String deliveryId) {
    webhooks.find(principal.tenantId(), id);
    return deliveries.redrive(principal.tenantId(), id, deliveryId);
  }
}
